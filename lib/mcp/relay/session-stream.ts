import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "@/lib/db/prisma";
import { pools } from "@/lib/db/pools";
import type { AuthorizedCaller, CallerAuthorization } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { refuse } from "@/lib/mcp/relay/refuse-caller";
import { holdNotificationStream } from "@/lib/mcp/relay/notification-streams";
import { closeGatewaySession } from "@/lib/mcp/relay/gateway-sessions";
import { ErrorCode } from "@/lib/mcp/relay/protocol";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { closeUpstreamSession, openedSession } from "@/lib/mcp/relay/upstream-sessions";
import { watchCatalog } from "@/lib/mcp/relay/watch-catalog";
import { addStreamSink, followUpstreamSession } from "@/lib/mcp/relay/upstream-followers";

type StreamCall = { req: IncomingMessage; res: ServerResponse; reply: CallerReply };
type Authorize = () => Promise<CallerAuthorization>;

const SESSION_SCAN_MS = 2000;
const open = new Set<string>();

async function sessionCaller(call: StreamCall, authorize: Authorize): Promise<AuthorizedCaller | null> {
  if (!call.req.headers["mcp-session-id"]) {
    call.reply.error(400, null, ErrorCode.InvalidRequest, "Bad Request: Mcp-Session-Id header is required");
    return null;
  }
  const outcome = await authorize();
  if (refuse(call.reply, null, outcome)) return null;
  return outcome.caller;
}

/**
 * GET with a 2025-era session: the stream of what is not an answer to a
 * request. It carries the gateway's own list-changed notifications (when the
 * caller's catalog changed), and everything the caller's upstream sessions
 * send on their own GET streams — resource updates, log messages, requests
 * such as roots/list (with ids that route the answer back). Upstream sessions
 * the caller opens later, on any instance, join within seconds.
 */
export async function openSessionStream(call: StreamCall, authorize: Authorize): Promise<void> {
  if (!String(call.req.headers.accept ?? "").includes("text/event-stream")) {
    return call.reply.error(406, null, ErrorCode.InvalidRequest, "Not Acceptable: send Accept: text/event-stream");
  }
  const caller = await sessionCaller(call, authorize);
  if (!caller) return;
  const sessionId = caller.session!.id;
  if (open.has(sessionId)) return call.reply.error(409, null, ErrorCode.InvalidRequest, "Conflict: this session already has a notification stream open");
  open.add(sessionId);
  const { reply } = call;
  reply.startStream({}, true);
  const release = holdNotificationStream(() => reply.end());
  const following = new Map<string, () => void>();
  const unsink = addStreamSink(caller.scopeKey, { send: (json) => reply.event(json) });
  const stopWatching = await watchCatalog({
    principal: caller.principal,
    capabilities: caller.session!.clientCapabilities,
    kinds: ["tools", "prompts", "resources"],
    changed: (kind) => reply.event(JSON.stringify({ jsonrpc: "2.0", method: `notifications/${kind}/list_changed` })),
    ended: () => reply.end(),
  });
  const scan = async () => {
    const { rows } = await pools().dataPlane.query<{ serverId: string; sessionEncrypted: string; protocolVersion: string; logLevel: string | null }>(
      `SELECT "serverId"::text AS "serverId", "sessionEncrypted", "protocolVersion", "logLevel" FROM "UpstreamSession" WHERE "scopeKey" = $1 AND "orgId" = $2::uuid`,
      [caller.scopeKey, caller.principal.orgId],
    );
    for (const row of rows) {
      if (following.has(row.sessionEncrypted)) continue;
      const found = await db().mcpServer.findFirst({ where: { id: row.serverId, orgId: caller.principal.orgId, enabled: true } });
      if (!found) continue;
      const server: UpstreamServer = { ...found, supportedVersions: found.supportedVersions ?? [] };
      if (!upstreamEras(server).legacy) continue;
      const session = openedSession({ session: row.sessionEncrypted, version: row.protocolVersion, logLevel: row.logLevel });
      following.set(row.sessionEncrypted, followUpstreamSession({ server, scopeKey: caller.scopeKey, tokenId: caller.principal.tokenId, session }));
    }
  };
  const timer = setInterval(() => void scan().catch(() => {}), SESSION_SCAN_MS);
  timer.unref();
  void scan().catch(() => {});
  await reply.gone;
  clearInterval(timer);
  following.forEach((release) => release());
  unsink();
  stopWatching();
  release();
  open.delete(sessionId);
}

/** DELETE with a 2025-era session: the session ends everywhere, and the upstream sessions it opened are closed. */
export async function closeSession(call: StreamCall, authorize: Authorize): Promise<void> {
  const caller = await sessionCaller(call, authorize);
  if (!caller) return;
  const held = await closeGatewaySession({ sessionId: caller.session!.id });
  call.reply.empty(200);
  for (const session of held) {
    void (async () => {
      const found = await db().mcpServer.findFirst({ where: { id: session.serverId, orgId: caller.principal.orgId } });
      if (!found) return;
      await closeUpstreamSession({ ...found, supportedVersions: found.supportedVersions ?? [] }, openedSession({ session: session.sessionEncrypted, version: session.protocolVersion, logLevel: null }).sessionId, session.protocolVersion);
    })().catch(() => {});
  }
}
