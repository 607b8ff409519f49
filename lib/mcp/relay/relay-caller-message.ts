import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";
import type { AuthorizedCaller } from "@/lib/mcp/relay/authorize-caller";
import { cancelTrackedCall } from "@/lib/mcp/relay/in-flight-calls";
import { deliverInput } from "@/lib/mcp/relay/pending-inputs";
import type { JsonObject, RequestId } from "@/lib/mcp/relay/protocol";
import { unseal } from "@/lib/mcp/relay/relay-seal";
import { sendToUpstream } from "@/lib/mcp/relay/send-to-upstream";
import { notifyUpstream } from "@/lib/mcp/relay/upstream-exchange";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { openedSession } from "@/lib/mcp/relay/upstream-sessions";

/** The sealed id of a server→client request the relay passed on from a 2025-era upstream session. */
export type UpstreamRequestId = { k: "up"; s: string; u: RequestId; sc: string; t: string };
/** The sealed id of a server→client request the relay made up from a 2026-07-28 input_required result. */
export type InputRequestId = { k: "in"; f: string; key: string; i: string; p: string; t: string };

export type ResponseRouting = { kind: "delivered" } | { kind: "unknown" } | { kind: "elsewhere"; instance: string };

/**
 * A 2025-era caller's answer to a server→client request. Its id says where
 * it goes: to the upstream session that asked (stored, so from any instance),
 * or to the instance waiting for it to retry a 2026-07-28 upstream's request.
 */
export async function routeClientResponse({ caller, message, processId }: { caller: AuthorizedCaller; message: JsonObject; processId: string }): Promise<ResponseRouting> {
  const id = unseal<UpstreamRequestId | InputRequestId>(message.id);
  if (!id || id.t !== caller.principal.tokenId) return { kind: "unknown" };
  if (id.k === "in") {
    const delivered = deliverInput({ waiterId: id.f, key: id.key, tokenId: id.t, message });
    if (delivered) return { kind: "delivered" };
    return id.p === processId ? { kind: "unknown" } : { kind: "elsewhere", instance: id.i };
  }
  // A session's answers belong to that session's scope only.
  if (id.sc !== caller.scopeKey) return { kind: "unknown" };
  const ref = caller.upstreamSessions[id.s];
  const server = ref && (await serverOf(caller, id.s));
  if (!ref || !server) return { kind: "unknown" };
  const session = openedSession(ref);
  const body = JSON.stringify({ jsonrpc: "2.0", id: id.u, ...("error" in message ? { error: message.error } : { result: message.result ?? {} }) });
  const answer = await sendToUpstream({
    server,
    method: "POST",
    headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }),
    body,
    signal: AbortSignal.timeout(server.timeoutMs),
  });
  answer.body.resume();
  return { kind: "delivered" };
}

/**
 * A 2025-era caller's notification. notifications/cancelled stops the call if
 * it runs here, and otherwise is passed to the caller's upstream sessions
 * (its request ids are its own, so only the one running it acts);
 * roots/list_changed goes to all of them.
 */
export async function relayCallerNotification({ caller, message }: { caller: AuthorizedCaller; message: JsonObject }): Promise<void> {
  const method = String(message.method);
  const params = (message.params ?? {}) as JsonObject;
  if (method === "notifications/cancelled") {
    const requestId = params.requestId as RequestId | undefined;
    if (requestId === undefined || cancelTrackedCall(caller.scopeKey, requestId)) return;
    if (!caller.scopeKey.startsWith("gs:")) return;
  } else if (method !== "notifications/roots/list_changed") return;
  for (const serverId of Object.keys(caller.upstreamSessions)) {
    const server = await serverOf(caller, serverId);
    if (!server || !upstreamEras(server).legacy) continue;
    const session = openedSession(caller.upstreamSessions[serverId]);
    await notifyUpstream({ server, headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }), method, params }).catch((error) =>
      logger.debug("could not pass a notification to an upstream session", { server: server.slug, error: (error as Error).message }),
    );
  }
}

async function serverOf(caller: AuthorizedCaller, serverId: string): Promise<UpstreamServer | null> {
  const row = await db().mcpServer.findFirst({ where: { id: serverId, orgId: caller.principal.orgId, enabled: true } });
  return row ? { ...row, supportedVersions: row.supportedVersions ?? [] } : null;
}
