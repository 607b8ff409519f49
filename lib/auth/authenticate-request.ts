import { AppError, invalidToken, networkDenied } from "@/lib/errors";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import type { Principal } from "@/lib/auth/principal";
import { parseBearer } from "@/lib/tokens/parse-bearer";

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
    const outcome = await authenticateToken({ token: bearer.token, ip, requestId, userAgent: req.headers.get("user-agent") });
    switch (outcome.kind) {
      case "ok":
        return { via: "bearer", principal: outcome.principal };
      case "invalid":
        throw invalidToken();
      case "throttled":
        throw new AppError("rate_limited", "Too many invalid tokens from this address; slow down", { retryAfterSeconds: outcome.retryAfterSeconds });
      case "network_denied":
        throw networkDenied();
      case "rate_limited":
        throw new AppError("rate_limited", "This token is over its rate limit", { retryAfterSeconds: outcome.retryAfterSeconds, headers: outcome.headers });
    }
  }
  const user = await getSessionPrincipal();
  return user ? { via: "session", principal: user } : null;
}
