import { AppError, invalidToken, networkDenied } from "@/lib/errors";
import { authenticateToken, type TokenAuthentication } from "@/lib/auth/authenticate-token";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import type { Principal } from "@/lib/principal";
import { answerOutcome, type OutcomeTable } from "@/lib/outcome-table";
import { parseBearer } from "@/lib/tokens/parse-bearer";

export type Authentication = { via: "session" | "bearer"; principal: Principal } | null;

/** Every refused token, as the admin API's error (the MCP endpoint has its own table, lib/mcp/relay/refuse-caller.ts). */
const TOKEN_REFUSALS = {
  invalid: () => invalidToken(),
  throttled: ({ retryAfterSeconds }) => new AppError("rate_limited", "Too many invalid tokens from this address; slow down", { retryAfterSeconds }),
  network_denied: () => networkDenied(),
  rate_limited: ({ retryAfterSeconds, headers }) => new AppError("rate_limited", "This token is over its rate limit", { retryAfterSeconds, headers }),
} satisfies OutcomeTable<Exclude<TokenAuthentication, { kind: "ok" }>, AppError>;

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
    if (outcome.kind === "ok") return { via: "bearer", principal: outcome.principal };
    throw answerOutcome<typeof outcome, AppError>(TOKEN_REFUSALS, outcome);
  }
  const user = await getSessionPrincipal();
  return user ? { via: "session", principal: user } : null;
}
