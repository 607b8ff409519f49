import { db } from "@/lib/db/prisma";
import { actorOf, type TokenPrincipal } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { logger } from "@/lib/logger";
import { consumeRateLimit, outcomeOf } from "@/lib/rate-limit/gcra";
import { consumeTokenSlot } from "@/lib/rate-limit/consume-token-slot";
import { recordDenial } from "@/lib/ops/record-denial";
import { INVALID_TOKEN_LIMIT, invalidTokenKey, type TokenVerification } from "@/lib/tokens/verify-service-token";

export type GuardVerdict =
  | { kind: "ok" }
  | { kind: "network_denied" }
  | { kind: "rate_limited"; retryAfterSeconds: number; headers: Record<string, string> };

/** IETF RateLimit-Policy / RateLimit headers (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders({ limit, remaining, resetMs }: { limit: number; remaining: number; resetMs: number }) {
  return { "RateLimit-Policy": `"per-token";q=${limit};w=60`, RateLimit: `"per-token";r=${remaining};t=${Math.ceil(resetMs / 1000)}` };
}

/**
 * Every token call, after verification: the allowlists (organization, then
 * the service account; each layer with entries must match the client
 * address), then the token's per-minute limit. A denial is audited at most
 * once per token and minute, so a flood cannot drown the log.
 */
export async function guardTokenRequest({ principal, ip, requestId, userAgent }: { principal: TokenPrincipal; ip: string | null; requestId: string | null; userAgent: string | null }): Promise<GuardVerdict> {
  const { allowlist } = principal.policy;
  // Every layer with entries must match (lib/network/evaluate-allowlists.ts states the same rule for "Test an address").
  if ((allowlist.org > 0 && !allowlist.orgMatch) || (allowlist.account > 0 && !allowlist.accountMatch)) {
    void auditDenial(principal, ip, requestId, userAgent).catch((error) => logger.error("could not audit a network denial", { error }));
    recordDenial({ reason: "allowlist", orgSlug: principal.orgSlug });
    return { kind: "network_denied" };
  }
  const perMinute = principal.policy.rateLimitPerMinute;
  if (!perMinute) return { kind: "ok" };
  const taken = principal.policy.slot;
  const slot = taken
    ? { ...outcomeOf({ limit: perMinute, windowMs: 60_000 }, taken.allowed, taken.retryAfterMs, taken.aheadMs), limit: perMinute }
    : await consumeTokenSlot(principal.tokenId, perMinute);
  if (slot.allowed) return { kind: "ok" };
  recordDenial({ reason: "rate_limit", orgSlug: principal.orgSlug });
  const retryAfterSeconds = Math.max(1, Math.ceil(slot.retryAfterMs / 1000));
  return { kind: "rate_limited", retryAfterSeconds, headers: { "Retry-After": String(retryAfterSeconds), ...rateLimitHeaders(slot) } };
}

async function auditDenial(principal: TokenPrincipal, ip: string | null, requestId: string | null, userAgent: string | null) {
  const { allowed } = await consumeRateLimit(`network-denied-audit:${principal.tokenId}`, { limit: 1, windowMs: 60_000 });
  if (!allowed) return;
  const actor = actorOf(principal);
  await db().$transaction((tx) =>
    recordAuditEvent(tx, { actor, ip, userAgent, requestId }, {
      orgId: principal.orgId,
      action: "network.denied",
      target: { kind: "service_token", id: principal.tokenId },
      after: { ip, tokenPrefix: principal.tokenPrefix },
    }),
  );
}

/** Counts an unusable token against the client address (guessing gets slow); a no-op for garbage the checksum caught. */
export async function countInvalidToken(verification: TokenVerification, ip: string | null): Promise<void> {
  if (!ip || verification.status === "VALID" || verification.status === "MALFORMED" || verification.status === "THROTTLED") return;
  await consumeRateLimit(invalidTokenKey(ip), INVALID_TOKEN_LIMIT);
}
