import { randomUUID } from "node:crypto";
import { createMcpHandler, type AuthInfo } from "@modelcontextprotocol/server";
import type { TokenPrincipal } from "@/lib/auth/principal";
import { logger } from "@/lib/logger";
import { parseBearer } from "@/lib/tokens/parse-bearer";
import { recordTokenUse } from "@/lib/tokens/record-token-use";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";
import { countInvalidToken, guardTokenRequest } from "@/lib/network/guard-token-request";
import { buildGatewayServer, type GatewayCaller } from "@/lib/mcp/gateway/build-gateway-server";

// One SDK handler per process; it builds a fresh MCP server per HTTP request
// (buildGatewayServer) for the caller authenticated here. It serves 2026-07-28
// statelessly and 2025-11-25 (initialize) statelessly; no sessions to share.
const globalForGateway = globalThis as unknown as { controlRoomGateway?: ReturnType<typeof createMcpHandler> };
function sdkHandler() {
  return (globalForGateway.controlRoomGateway ??= createMcpHandler(
    ({ authInfo }) => buildGatewayServer((authInfo?.extra as { caller: GatewayCaller }).caller),
    { legacy: "stateless", responseMode: "auto", onerror: (error) => logger.debug("mcp exchange error", { error: error.message }) },
  ));
}

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}) {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const unauthorized = (error?: "invalid_token") =>
  jsonRpcError(401, -32001, error ? "The access token is invalid, expired or revoked" : "Send a service token as Authorization: Bearer alk_svc_…", {
    "WWW-Authenticate": error ? `Bearer realm="control-room", error="${error}"` : 'Bearer realm="control-room"',
  });

/** Browsers send Origin; a page on another site must not drive the endpoint (DNS rebinding, CSRF). */
function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    const host = new URL(origin).host;
    const allowed = [request.headers.get("host"), process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null];
    return !allowed.includes(host);
  } catch {
    return true;
  }
}

/** A POST must accept both JSON and SSE answers, as Streamable HTTP requires. */
function acceptsStreamableHttp(request: Request): boolean {
  if (request.method !== "POST") return true;
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  const any = accept.includes("*/*");
  return any || (accept.includes("application/json") && accept.includes("text/event-stream"));
}

/**
 * POST|GET|DELETE /org/:slug — the MCP endpoint for bots. Checks, in order:
 * Origin (403), bearer service token only (401), the token's organization is
 * this one (401, like any bad token), Accept (406); then the SDK takes over
 * (protocol version, JSON-RPC, JSON or SSE answers).
 */
export async function handleGatewayRequest(request: Request, { slug, ip }: { slug: string; ip: string | null }): Promise<Response> {
  if (foreignOrigin(request)) return jsonRpcError(403, -32000, "Forbidden: requests from another site's pages are refused");
  const bearer = parseBearer(request.headers);
  if (bearer.kind === "none") return unauthorized();
  if (bearer.kind === "malformed") return unauthorized("invalid_token");
  const verification = await verifyServiceToken({ token: bearer.token, clientIp: ip, takeRateLimitSlot: !process.env.REDIS_URL });
  if (verification.status === "THROTTLED") {
    const seconds = String(Math.max(1, Math.ceil(verification.retryAfterMs / 1000)));
    return jsonRpcError(429, -32000, "Too many invalid tokens from this address; slow down", { "Retry-After": seconds });
  }
  if (verification.status !== "VALID") {
    await countInvalidToken(verification, ip);
    return unauthorized("invalid_token");
  }
  const principal: TokenPrincipal = verification.principal;
  // A token is valid only for its own organization (the slug came with the token's row).
  if (principal.orgSlug !== slug) return unauthorized("invalid_token");
  const requestId = randomUUID();
  const verdict = await guardTokenRequest({ principal, ip, requestId, userAgent: request.headers.get("user-agent") });
  // The same opaque answer whichever layer refused, so nobody learns the allowlists.
  if (verdict.kind === "network_denied") return jsonRpcError(403, -32000, "Forbidden");
  if (verdict.kind === "rate_limited") return jsonRpcError(429, -32000, "Rate limit exceeded for this token", verdict.headers);
  recordTokenUse({ tokenId: principal.tokenId, serviceAccountId: principal.serviceAccount?.id ?? null, ip });
  if (!acceptsStreamableHttp(request)) {
    return jsonRpcError(406, -32000, "Not Acceptable: send Accept: application/json, text/event-stream");
  }
  const caller: GatewayCaller = { orgId: principal.orgId, orgSlug: principal.orgSlug, principal, requestId };
  const authInfo: AuthInfo = { token: principal.tokenPrefix, clientId: principal.tokenId, scopes: [], extra: { caller } };
  const response = await sdkHandler().fetch(request, { authInfo });
  response.headers.set("X-Request-Id", caller.requestId);
  return response;
}
