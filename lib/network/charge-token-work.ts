import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/principal";
import { rateLimitHeaders } from "@/lib/network/guard-token-request";
import { consumeTokenSlot } from "@/lib/rate-limit/consume-token-slot";

// A token's limit counts work, not HTTP requests. Every request takes one
// slot when the token is verified; an operation that costs more takes the
// rest here, before it starts: a sync (an upstream session and its whole
// catalog, paged), or a tasks method the gateway fans out to each of the
// caller's upstream sessions. JSON-RPC batches, the other way to do many
// things in one request, are refused by the MCP endpoint.

/** What operations cost in requests' worth, the one request they came in included. */
export const WORK_COST = {
  /** POST /mcp-servers/:id/sync: initialize, then tools, prompts, resources and templates, each paged. */
  catalogSync: 5,
} as const;

export type WorkCharge = { kind: "ok" } | { kind: "rate_limited"; retryAfterSeconds: number; headers: Record<string, string> };

/** Charges a token the rest of `units` (the request already paid one); people are not limited. */
export async function chargeTokenWork({ principal, units }: { principal: Principal; units: number }): Promise<WorkCharge> {
  if (principal.kind !== "token") return { kind: "ok" };
  const perMinute = principal.policy.rateLimitPerMinute;
  if (!perMinute) return { kind: "ok" };
  // Never more than the whole minute's allowance, or a token with a small limit could never run it.
  const extra = Math.min(units, perMinute) - 1;
  if (extra <= 0) return { kind: "ok" };
  const slot = await consumeTokenSlot(principal.tokenId, perMinute, extra);
  if (slot.allowed) return { kind: "ok" };
  const retryAfterSeconds = Math.max(1, Math.ceil(slot.retryAfterMs / 1000));
  return { kind: "rate_limited", retryAfterSeconds, headers: { "Retry-After": String(retryAfterSeconds), ...rateLimitHeaders(slot) } };
}

/** The same for an admin API operation: a 429 problem when the token's limit does not cover it now. */
export async function assertTokenWork({ principal, operation }: { principal: Principal; operation: keyof typeof WORK_COST }): Promise<void> {
  const charge = await chargeTokenWork({ principal, units: WORK_COST[operation] });
  if (charge.kind === "ok") return;
  throw new AppError("rate_limited", `This token's limit does not cover this operation now (it costs ${WORK_COST[operation]} requests)`, {
    retryAfterSeconds: charge.retryAfterSeconds,
    headers: charge.headers,
  });
}
