import { invalidToken } from "@/lib/errors";
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
export async function authenticateRequest(req: Request, ip: string | null): Promise<Authentication> {
  const bearer = parseBearer(req.headers);
  if (bearer.kind === "malformed") throw invalidToken();
  if (bearer.kind === "token") {
    const verification = await verifyServiceToken({ token: bearer.token });
    if (verification.status !== "VALID") throw invalidToken();
    const { principal } = verification;
    recordTokenUse({ tokenId: principal.tokenId, serviceAccountId: principal.serviceAccount?.id ?? null, ip });
    return { via: "bearer", principal };
  }
  const user = await getSessionPrincipal();
  return user ? { via: "session", principal: user } : null;
}
