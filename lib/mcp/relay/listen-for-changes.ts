import { SERVER_INFO } from "@/lib/mcp/relay/answer-gateway-method";
import type { AuthorizedCaller } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { ErrorCode, META, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import { watchCatalog, type ListKind } from "@/lib/mcp/relay/watch-catalog";
import { modernMeta } from "@/lib/mcp/relay/request-meta";
import { holdNotificationStream } from "@/lib/mcp/relay/notification-streams";

const FILTER_KEYS: Record<string, ListKind> = { toolsListChanged: "tools", promptsListChanged: "prompts", resourcesListChanged: "resources" };

/**
 * subscriptions/listen (2026-07-28): a long-lived stream that tells the
 * caller when its own tools, prompts or resources lists changed — a sync, a
 * grant, an assignment, a server switched off. The acknowledgement (the
 * filter as honoured) comes first; every notification carries the listen
 * request's id as its subscription id; nothing the caller did not ask for is
 * sent. Resource subscriptions are not offered on this revision.
 */
export async function listenForChanges({ reply, id, params, caller }: { reply: CallerReply; id: RequestId; params: JsonObject; caller: AuthorizedCaller }): Promise<void> {
  const requested = params.notifications;
  if (!requested || typeof requested !== "object" || Array.isArray(requested)) {
    return reply.error(200, id, ErrorCode.InvalidParams, "Invalid params: subscriptions/listen needs params.notifications");
  }
  const honored: JsonObject = {};
  const kinds: ListKind[] = [];
  for (const [key, kind] of Object.entries(FILTER_KEYS)) {
    if ((requested as JsonObject)[key] === true) {
      honored[key] = true;
      kinds.push(kind);
    }
  }
  const tag = { [META.subscriptionId]: id };
  const notify = (method: string, extra: JsonObject = {}) => reply.event(JSON.stringify({ jsonrpc: "2.0", method, params: { ...extra, _meta: tag } }));
  reply.startStream({}, true);
  notify("notifications/subscriptions/acknowledged", { notifications: honored });
  if (!kinds.length) {
    // Nothing to deliver: the subscription completes at once.
    reply.json(200, JSON.stringify({ jsonrpc: "2.0", id, result: { resultType: "complete", _meta: { ...tag, [META.serverInfo]: SERVER_INFO } } }));
    return;
  }
  // The graceful end of a subscription: its (empty) result, then the stream closes.
  const complete = () => reply.json(200, JSON.stringify({ jsonrpc: "2.0", id, result: { resultType: "complete", _meta: { ...tag, [META.serverInfo]: SERVER_INFO } } }));
  const release = holdNotificationStream(complete);
  const stop = await watchCatalog({
    principal: caller.principal,
    capabilities: modernMeta(params).capabilities,
    kinds,
    changed: (kind) => notify(`notifications/${kind}/list_changed`),
    ended: complete,
  });
  await reply.gone;
  stop();
  release();
}
