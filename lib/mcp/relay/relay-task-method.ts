import { db } from "@/lib/db/prisma";
import { ErrorCode, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import type { RelayContext } from "@/lib/mcp/relay/relay-context";
import { relayRequest } from "@/lib/mcp/relay/relay-request";
import { exchangeWithUpstream } from "@/lib/mcp/relay/upstream-exchange";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { openedSession } from "@/lib/mcp/relay/upstream-sessions";
import { sendResult } from "@/lib/mcp/relay/answer-gateway-method";
import { refuse } from "@/lib/mcp/relay/refuse-caller";
import { chargeTokenWork } from "@/lib/network/charge-token-work";

// Tasks (2025-11-25): a task-augmented tools/call is relayed like any call and
// its CreateTaskResult passes through; the task then lives in the caller's
// own upstream session on the server that runs it. tasks/get, tasks/result
// and tasks/cancel go to that session: the gateway finds it by asking the
// caller's sessions (task ids are the upstream's own, unique there), then
// relays the request to it — tasks/result as a streamed call, with its
// server→client requests and notifications. tasks/list merges every session's.

async function sessionsOf(ctx: RelayContext): Promise<{ server: UpstreamServer; headers: ReturnType<typeof upstreamHeaders> }[]> {
  const ids = Object.keys(ctx.caller.upstreamSessions);
  if (!ids.length) return [];
  const rows = await db().mcpServer.findMany({ where: { id: { in: ids }, orgId: ctx.caller.principal.orgId, enabled: true } });
  return rows
    .map((row) => ({ ...row, supportedVersions: row.supportedVersions ?? [] }))
    .filter((server) => upstreamEras(server).legacy)
    .map((server) => {
      const session = openedSession(ctx.caller.upstreamSessions[server.id]);
      return { server, headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }) };
    });
}

export async function relayTaskMethod(ctx: RelayContext, id: RequestId, method: string, params: JsonObject): Promise<void> {
  const sessions = await sessionsOf(ctx);
  // One request, one upstream exchange per session: the token's limit counts each.
  const charge = await chargeTokenWork({ principal: ctx.caller.principal, units: sessions.length });
  if (charge.kind === "rate_limited" && refuse(ctx.reply, id, charge)) return;
  if (method === "tasks/list") {
    const lists = await Promise.all(
      sessions.map(({ server, headers }) =>
        exchangeWithUpstream({ server, headers, method, params })
          .then(({ message }) => ((message.result as { tasks?: unknown[] } | undefined)?.tasks ?? []) as unknown[])
          .catch(() => []),
      ),
    );
    return sendResult(ctx.reply, "legacy", id, `"tasks":${JSON.stringify(lists.flat())}`);
  }
  const taskId = typeof params.taskId === "string" ? params.taskId : "";
  for (const { server, headers } of sessions) {
    const probe = await exchangeWithUpstream({ server, headers, method: "tasks/get", params: { taskId } }).catch(() => null);
    if (!probe || probe.message.error) continue;
    if (method === "tasks/get") return void ctx.reply.json(200, JSON.stringify({ ...probe.message, id }));
    await relayRequest(ctx, { id, method, params }, server);
    return;
  }
  ctx.reply.error(200, id, ErrorCode.InvalidParams, `Invalid params: no task ${taskId} in this session`);
}
