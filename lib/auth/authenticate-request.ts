import { AppError, invalidToken, networkDenied } from "@/lib/errors";
import { countInvalidToken, guardTokenRequest } from "@/lib/network/guard-token-request";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import type { Principal } from "@/lib/auth/principal";
import { parseBearer } from "@/lib/tokens/parse-bearer";
import { recordTokenUse } from "@/lib/tokens/record-token-use";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";

export type Authentication = { via: "session" | "bearer"; principal: Principal } | null;

/**
 * Who sent the request. An Authorization header means a service token and
 * nothing else: a bad one is the one invalid_token 401, never a fallback to
 * the cookie. Without it, the session cookie (re-checked against the database).
 */
export async function authenticateRequest(req: Request, ip: string | null, requestId: string | null = null): Promise<Authentication> {
  const bearer = parseBearer(req.headers);
  if (bearer.kind === "malformed") throw invalidToken();
  if (bearer.kind === "token") {
    const verification = await verifyServiceToken({ token: bearer.token, clientIp: ip, takeRateLimitSlot: !process.env.REDIS_URL });
    if (verification.status === "THROTTLED") {
      throw new AppError("rate_limited", "Too many invalid tokens from this address; slow down", { retryAfterSeconds: Math.ceil(verification.retryAfterMs / 1000) });
    }
    if (verification.status !== "VALID") {
      await countInvalidToken(verification, ip);
      throw invalidToken();
    }
    const { principal } = verification;
    const verdict = await guardTokenRequest({ principal, ip, requestId, userAgent: req.headers.get("user-agent") });
    if (verdict.kind === "network_denied") throw networkDenied();
    if (verdict.kind === "rate_limited") {
      throw new AppError("rate_limited", "This token is over its rate limit", { retryAfterSeconds: verdict.retryAfterSeconds, headers: verdict.headers });
    }
    recordTokenUse({ tokenId: principal.tokenId, serviceAccountId: principal.serviceAccount?.id ?? null, ip });
    return { via: "bearer", principal };
  }
  const user = await getSessionPrincipal();
  return user ? { via: "session", principal: user } : null;
}
