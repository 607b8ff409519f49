import { randomUUID } from "node:crypto";
import { createMcpHandler, type AuthInfo } from "@modelcontextprotocol/server";
import { logger } from "@/lib/logger";
import { parseBearer } from "@/lib/tokens/parse-bearer";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { isOwnOrigin } from "@/lib/http/same-origin";
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
  // Browsers send Origin; a page on another site must not drive the endpoint (DNS rebinding, CSRF).
  if (request.headers.has("origin") && !isOwnOrigin(request)) return jsonRpcError(403, -32000, "Forbidden: requests from another site's pages are refused");
  const bearer = parseBearer(request.headers);
  if (bearer.kind === "none") return unauthorized();
  if (bearer.kind === "malformed") return unauthorized("invalid_token");
  const requestId = randomUUID();
  const outcome = await authenticateToken({ token: bearer.token, ip, requestId, userAgent: request.headers.get("user-agent"), orgSlug: slug });
  if (outcome.kind === "invalid") return unauthorized("invalid_token");
  if (outcome.kind === "throttled") {
    return jsonRpcError(429, -32000, "Too many invalid tokens from this address; slow down", { "Retry-After": String(outcome.retryAfterSeconds) });
  }
  // The same opaque answer whichever layer refused, so nobody learns the allowlists.
  if (outcome.kind === "network_denied") return jsonRpcError(403, -32000, "Forbidden");
  if (outcome.kind === "rate_limited") return jsonRpcError(429, -32000, "Rate limit exceeded for this token", outcome.headers);
  const { principal } = outcome;
  if (!acceptsStreamableHttp(request)) {
    return jsonRpcError(406, -32000, "Not Acceptable: send Accept: application/json, text/event-stream");
  }
  const caller: GatewayCaller = { orgId: principal.orgId, orgSlug: principal.orgSlug, principal, requestId };
  const authInfo: AuthInfo = { token: principal.tokenPrefix, clientId: principal.tokenId, scopes: [], extra: { caller } };
  const response = await sdkHandler().fetch(request, { authInfo });
  response.headers.set("X-Request-Id", caller.requestId);
  return response;
}
