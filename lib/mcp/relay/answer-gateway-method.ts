import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";
import type { AuthorizedCaller } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { createGatewaySession, setGatewaySessionLogLevel } from "@/lib/mcp/relay/gateway-sessions";
import { listCatalog, type ListMethod } from "@/lib/mcp/relay/list-catalog";
import { ErrorCode, LATEST_LEGACY_VERSION, LEGACY_VERSIONS, META, MODERN_VERSION, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { openedSession, rememberUpstreamLogLevel, setUpstreamLogLevel } from "@/lib/mcp/relay/upstream-sessions";

// The methods the gateway answers itself: the handshake and discovery, the
// lists (from the catalog), ping and the session's log level.

export const SERVER_INFO = { name: "control-room", title: "Control Room MCP gateway", version: "1.0.0" };
const INSTRUCTIONS = "Control Room gateway: the tools, prompts and resources this credential may use, from the organization's MCP servers.";

/** What the endpoint offers. List changes are delivered on subscriptions/listen (2026-07-28) and the session's GET stream (2025-11-25). */
export function gatewayCapabilities(era: "legacy" | "modern"): JsonObject {
  const shared = { tools: { listChanged: true }, prompts: { listChanged: true }, completions: {}, logging: {} };
  if (era === "modern") return { ...shared, resources: { listChanged: true } };
  // 2025-11-25 tasks: task-augmented tools/call and tasks/* are relayed to the caller's upstream sessions.
  return { ...shared, resources: { subscribe: true, listChanged: true }, tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } };
}

const LOG_LEVELS = new Set(["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]);

/** A result the gateway itself produced, in the caller's era (2026-07-28 results carry resultType and the server's identity). */
export function sendResult(reply: CallerReply, era: "legacy" | "modern", id: RequestId, body: string, headers: Record<string, string> = {}): void {
  const modern = era === "modern" ? `${body ? "," : ""}"resultType":"complete","_meta":{"${META.serverInfo}":${JSON.stringify(SERVER_INFO)}}` : "";
  reply.json(200, `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{${body}${modern}}}`, headers);
}

export async function answerInitialize({ reply, caller, id, params }: { reply: CallerReply; caller: AuthorizedCaller; id: RequestId; params: JsonObject }): Promise<void> {
  const requested = typeof params.protocolVersion === "string" ? params.protocolVersion : "";
  // A version the gateway does not speak gets its newest, as the 2025 handshake says: the client then decides.
  const version = (LEGACY_VERSIONS as readonly string[]).includes(requested) ? requested : LATEST_LEGACY_VERSION;
  const capabilities = params.capabilities && typeof params.capabilities === "object" ? (params.capabilities as JsonObject) : {};
  const clientInfo = params.clientInfo && typeof params.clientInfo === "object" ? (params.clientInfo as JsonObject) : null;
  const sessionId = await createGatewaySession({ orgId: caller.principal.orgId, tokenId: caller.principal.tokenId, protocolVersion: version, capabilities, clientInfo });
  const result = { protocolVersion: version, capabilities: gatewayCapabilities("legacy"), serverInfo: SERVER_INFO, instructions: INSTRUCTIONS };
  sendResult(reply, "legacy", id, JSON.stringify(result).slice(1, -1), { "mcp-session-id": sessionId });
}

export function answerDiscover({ reply, id }: { reply: CallerReply; id: RequestId }): void {
  const result = { supportedVersions: [MODERN_VERSION], capabilities: gatewayCapabilities("modern"), instructions: INSTRUCTIONS };
  sendResult(reply, "modern", id, JSON.stringify(result).slice(1, -1));
}

export async function answerList({
  reply,
  era,
  id,
  method,
  caller,
  capabilities,
}: {
  reply: CallerReply;
  era: "legacy" | "modern";
  id: RequestId;
  method: ListMethod;
  caller: AuthorizedCaller;
  capabilities: JsonObject;
}): Promise<void> {
  const list = await listCatalog(method, caller.principal, capabilities);
  // Lists differ per caller: private to it, and fresh only now (list changes are notified).
  sendResult(reply, era, id, era === "modern" ? `${list},"ttlMs":0,"cacheScope":"private"` : list);
}

/**
 * logging/setLevel (2025-11-25): the level of this caller's session only,
 * never global. It is kept on the gateway session, set on every upstream
 * session the caller already has, and set on each one it opens later.
 */
export async function answerSetLevel({ reply, id, params, caller }: { reply: CallerReply; id: RequestId; params: JsonObject; caller: AuthorizedCaller }): Promise<void> {
  const level = params.level;
  if (typeof level !== "string" || !LOG_LEVELS.has(level)) {
    return reply.error(200, id, ErrorCode.InvalidParams, `Invalid params: level must be one of ${[...LOG_LEVELS].join(", ")}`);
  }
  if (caller.session) {
    await setGatewaySessionLogLevel({ sessionId: caller.session.id, level });
    const serverIds = Object.keys(caller.upstreamSessions);
    const servers = serverIds.length
      ? await db().mcpServer.findMany({ where: { id: { in: serverIds }, orgId: caller.principal.orgId, enabled: true } })
      : [];
    await Promise.all(
      servers.map(async (row) => {
        const server: UpstreamServer = { ...row, supportedVersions: row.supportedVersions ?? [] };
        if (!upstreamEras(server).legacy) return;
        const session = openedSession(caller.upstreamSessions[server.id]);
        try {
          await setUpstreamLogLevel(server, upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }), level);
          await rememberUpstreamLogLevel({ scopeKey: caller.scopeKey, serverId: server.id, level });
        } catch (error) {
          logger.debug("could not set an upstream session's log level", { server: server.slug, error: (error as Error).message });
        }
      }),
    );
  }
  sendResult(reply, "legacy", id, "");
}
