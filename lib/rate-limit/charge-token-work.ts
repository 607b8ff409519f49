import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { rateLimitHeaders } from "@/lib/network/guard-token-request";
import { consumeTokenSlot } from "@/lib/rate-limit/consume-token-slot";

// A token's limit counts work, not HTTP requests. Every request takes one
// slot when the token is verified; an operation that costs more (a sync
// opens an upstream session and pages through its whole catalog) takes the
// rest here, before it starts. JSON-RPC batches, the other way to do many
// things in one request, are refused by the MCP endpoint.

/** What operations cost in requests' worth, the one request they came in included. */
export const WORK_COST = {
  /** POST /mcp-servers/:id/sync: initialize, then tools, prompts, resources and templates, each paged. */
  catalogSync: 5,
} as const;

/** Charges a token the rest of an operation's cost (429 when its limit does not cover it); people are not limited. */
export async function chargeTokenWork({ principal, operation }: { principal: Principal; operation: keyof typeof WORK_COST }): Promise<void> {
  if (principal.kind !== "token") return;
  const perMinute = principal.policy.rateLimitPerMinute;
  if (!perMinute) return;
  // Never more than the whole minute's allowance, or a token with a small limit could never run it.
  const extra = Math.min(WORK_COST[operation], perMinute) - 1;
  if (extra <= 0) return;
  const slot = await consumeTokenSlot(principal.tokenId, perMinute, extra);
  if (slot.allowed) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(slot.retryAfterMs / 1000));
  throw new AppError("rate_limited", `This token's limit does not cover this operation now (it costs ${WORK_COST[operation]} requests)`, {
    retryAfterSeconds,
    headers: rateLimitHeaders(slot),
  });
}
