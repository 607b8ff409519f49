import type { TokenPrincipal } from "@/lib/principal";
import { countInvalidToken, guardTokenRequest } from "@/lib/network/guard-token-request";
import { recordTokenUse } from "@/lib/tokens/record-token-use";
import { verifyServiceToken, type TokenVerification } from "@/lib/tokens/verify-service-token";

export type TokenAuthentication =
  | { kind: "ok"; principal: TokenPrincipal }
  /** Any unusable token, or one of another organization: callers give the same 401 for all. */
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "network_denied" }
  | { kind: "rate_limited"; retryAfterSeconds: number; headers: Record<string, string> };

/**
 * The one pipeline for a presented service token, shared by the MCP endpoint
 * and the admin API: verification (with the per-address throttle for
 * unusable tokens), the organization when the caller names one, the
 * allowlists and the rate limit, then the last-use record. Each adapter only
 * maps the outcome to its wire format.
 */
export async function authenticateToken({
  token,
  ip,
  requestId,
  userAgent,
  orgSlug,
}: {
  token: string;
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
  orgSlug?: string;
}): Promise<TokenAuthentication> {
  const verification = await verifyServiceToken({ token, clientIp: ip, takeRateLimitSlot: !process.env.REDIS_URL });
  return decideTokenAccess({ verification, ip, requestId, userAgent, orgSlug });
}

/**
 * The part of the pipeline after the token's row was read (by
 * verifyServiceToken, or by the MCP relay's own one-round-trip statement):
 * throttle, organization, allowlists, rate limit, last use.
 */
export async function decideTokenAccess({
  verification,
  ip,
  requestId,
  userAgent,
  orgSlug,
}: {
  verification: TokenVerification;
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
  orgSlug?: string;
}): Promise<TokenAuthentication> {
  if (verification.status === "THROTTLED") return { kind: "throttled", retryAfterSeconds: Math.max(1, Math.ceil(verification.retryAfterMs / 1000)) };
  if (verification.status !== "VALID") {
    await countInvalidToken(verification, ip);
    return { kind: "invalid" };
  }
  const { principal } = verification;
  // A token is valid only for its own organization (the slug came with the token's row).
  if (orgSlug !== undefined && principal.orgSlug !== orgSlug) return { kind: "invalid" };
  const verdict = await guardTokenRequest({ principal, ip, requestId, userAgent });
  if (verdict.kind !== "ok") return verdict;
  recordTokenUse({ tokenId: principal.tokenId, serviceAccountId: principal.serviceAccount?.id ?? null, ip });
  return { kind: "ok", principal };
}
