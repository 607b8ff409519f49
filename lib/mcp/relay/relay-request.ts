import { randomUUID } from "node:crypto";
import type { UpstreamSessionRef } from "@/lib/mcp/relay/authorize-caller";
import { CallControl, outcomeOf, type RelayOutcome } from "@/lib/mcp/relay/call-control";
import { fulfillForLegacyCaller } from "@/lib/mcp/relay/fulfill-for-legacy-caller";
import { relayForModernCaller } from "@/lib/mcp/relay/modern-caller-continuation";
import { pumpUpstreamAnswer } from "@/lib/mcp/relay/pump-upstream-answer";
import { answerKind } from "@/lib/mcp/relay/read-upstream-answer";
import { MODERN_VERSION, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import { readHttpError } from "@/lib/mcp/relay/read-http-error";
import type { RelayContext, RelayRequest } from "@/lib/mcp/relay/relay-context";
import { seal } from "@/lib/mcp/relay/relay-seal";
import { withModernMeta } from "@/lib/mcp/relay/request-meta";
import { sendToUpstream, type UpstreamAnswer } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { ensureUpstreamSession, forgetUpstreamSession, type OpenUpstreamSession } from "@/lib/mcp/relay/upstream-sessions";
import { trackCall } from "@/lib/mcp/relay/in-flight-calls";
import { addCallSink, followUpstreamSession } from "@/lib/mcp/relay/upstream-followers";
import { cancelUpstream } from "@/lib/mcp/relay/cancel-upstream";
import type { ContinuationState } from "@/lib/mcp/relay/modern-caller-continuation";

/**
 * Relays one request to its upstream in the caller's own protocol era where
 * the upstream speaks it (2026-07-28 ↔ 2026-07-28 statelessly; 2025-11-25 ↔
 * 2025-11-25 over the caller's own upstream session), and translates where it
 * does not: a 2026-07-28 caller on a 2025-only upstream gets the upstream's
 * server→client requests as input_required results; a 2025 caller on a
 * 2026-only upstream gets input_required results as server→client requests.
 */
export function relayRequest(ctx: RelayContext, request: RelayRequest, server: UpstreamServer, resume?: ContinuationState): Promise<RelayOutcome> {
  if (resume) return relayForModernCaller(ctx, request, server, resume);
  const eras = upstreamEras(server);
  if (ctx.era === "modern") return eras.modern ? relayStateless(ctx, request, server) : relayForModernCaller(ctx, request, server);
  return eras.legacy ? relayInSession(ctx, request, server) : relayStateless(ctx, request, server);
}

/**
 * To a 2026-07-28 upstream: the request as the caller sent it (a 2025 caller's
 * request gains the per-request `_meta` its session implies), the answer
 * streamed back event by event, unchanged. input_required results pass
 * through to 2026 callers; for 2025 callers they become server→client requests.
 */
async function relayStateless(ctx: RelayContext, request: RelayRequest, server: UpstreamServer): Promise<RelayOutcome> {
  const translate = ctx.era === "legacy";
  const control = new CallControl(ctx.reply, server.slug, server.timeoutMs);
  let params = translate ? withModernMeta(request.params, ctx.identity) : request.params;
  let upstreamId: RequestId = request.id;
  const untrack = translate ? trackCall(ctx.caller.scopeKey, request.id, control) : () => {};
  try {
    for (let round = 1; ; round++) {
      const answer = await sendToUpstream({
        server,
        method: "POST",
        headers: upstreamHeaders({ protocolVersion: MODERN_VERSION, method: request.method, name: request.upstreamName, passThrough: ctx.passThrough }),
        body: JSON.stringify({ jsonrpc: "2.0", id: upstreamId, method: request.method, params }),
        abort: control,
      });
      if (answer.status >= 400) return await passHttpError(ctx, control, server, answer, request.id, upstreamId);
      let final: { raw: string; message: JsonObject | null; bytes: number } | null = null;
      await pumpUpstreamAnswer({
        slug: server.slug,
        answer,
        expectedId: upstreamId,
        sink: {
          notification: (raw) => ctx.reply.event(raw),
          // 2026-07-28 upstreams send no requests of their own; one that does is not followed.
          serverRequest: () => {},
          final: (raw, message, bytes) => (final = { raw, message, bytes }),
        },
      });
      const { raw, message, bytes } = final!;
      const result = message?.result as JsonObject | undefined;
      if (translate && result?.resultType === "input_required") {
        const next = await fulfillForLegacyCaller({ ctx, control, request, server, result, round });
        if ("outcome" in next) return next;
        params = { ...withModernMeta(request.params, ctx.identity), ...next.retry };
        upstreamId = `cr-${randomUUID()}`;
        continue;
      }
      control.done();
      ctx.reply.json(200, upstreamId === request.id ? raw : JSON.stringify({ ...message, id: request.id }));
      return outcomeOf(message, bytes);
    }
  } catch (error) {
    return control.fail(error, request.id);
  } finally {
    untrack();
  }
}

/**
 * To a 2025-era upstream, for a 2025-era caller: over the caller's own
 * upstream session (opened on first use with the caller's capabilities).
 * Server→client requests reach the caller with ids that route its answers
 * back to this upstream session from any instance. A session the upstream
 * lost (404: it restarted) is reopened and the request sent once more — it
 * never started there.
 */
async function relayInSession(ctx: RelayContext, request: RelayRequest, server: UpstreamServer): Promise<RelayOutcome> {
  const control = new CallControl(ctx.reply, server.slug, server.timeoutMs);
  const { caller } = ctx;
  const owner = { orgId: caller.principal.orgId, tokenId: caller.principal.tokenId, scopeKey: caller.scopeKey };
  // Inside one gateway session the caller's ids are unique, so they travel as they are (and
  // its notifications/cancelled can name them); a token-wide session may serve several clients.
  const upstreamId: RequestId = caller.scopeKey.startsWith("gs:") ? request.id : `cr-${randomUUID()}`;
  let session: OpenUpstreamSession | null = null;
  control.onStop = (reason) => {
    if (session) void cancelUpstream(server, session, upstreamId, reason);
  };
  const untrack = trackCall(caller.scopeKey, request.id, control);
  const relaySessionRequest = (message: JsonObject) => {
    const id = seal({ k: "up", s: server.id, u: message.id, sc: caller.scopeKey, t: caller.principal.tokenId });
    ctx.reply.event(JSON.stringify({ ...message, id }));
  };
  // The session's requests that belong to no call (sent on its GET stream) come to this call's stream.
  const unsink = addCallSink(caller.scopeKey, server.id, { takeServerRequest: relaySessionRequest });
  let unfollow = () => {};
  try {
    let existing: UpstreamSessionRef | undefined = caller.upstreamSessions[server.id];
    for (let attempt = 0; ; attempt++) {
      session = await ensureUpstreamSession({ server, owner, identity: ctx.identity, existing });
      unfollow();
      unfollow = followUpstreamSession({ server, scopeKey: caller.scopeKey, tokenId: caller.principal.tokenId, session });
      const answer = await sendToUpstream({
        server,
        method: "POST",
        headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId, passThrough: ctx.passThrough }),
        body: JSON.stringify({ jsonrpc: "2.0", id: upstreamId, method: request.method, params: request.params }),
        abort: control,
      });
      if (answer.status === 404 && session.sessionId && attempt === 0) {
        answer.body.resume();
        await forgetUpstreamSession({ scopeKey: caller.scopeKey, serverId: server.id, sealed: session.sealed });
        existing = undefined;
        continue;
      }
      if (answer.status >= 400) return await passHttpError(ctx, control, server, answer, request.id, upstreamId);
      if (answerKind(answer) === "sse") ctx.reply.prime();
      let outcome: RelayOutcome | null = null;
      const open = session;
      await pumpUpstreamAnswer({
        slug: server.slug,
        answer,
        expectedId: upstreamId,
        resume: (lastEventId) =>
          sendToUpstream({
            server,
            method: "GET",
            headers: { ...upstreamHeaders({ protocolVersion: open.version, sessionId: open.sessionId }), accept: "text/event-stream", "last-event-id": lastEventId },
            abort: control,
          }),
        sink: {
          notification: (raw) => ctx.reply.event(raw),
          serverRequest: (_raw, message) => relaySessionRequest(message),
          final: (raw, message, bytes) => {
            control.done();
            ctx.reply.json(200, upstreamId === request.id ? raw : JSON.stringify({ ...message, id: request.id }));
            outcome = outcomeOf(message, bytes);
          },
        },
      });
      return outcome!;
    }
  } catch (error) {
    return control.fail(error, request.id);
  } finally {
    untrack();
    unsink();
    unfollow();
  }
}

/** An upstream's HTTP-level error: its own JSON-RPC error passed on (with the status for 2026 callers), or one naming the status. */
async function passHttpError(ctx: RelayContext, control: CallControl, server: UpstreamServer, answer: UpstreamAnswer, callerId: RequestId, upstreamId: RequestId): Promise<RelayOutcome> {
  const error = await readHttpError(server.slug, answer);
  if (error instanceof UpstreamFailure) return control.fail(error, callerId);
  control.done();
  const status = ctx.era === "modern" ? answer.status : 200;
  ctx.reply.json(status, upstreamId === callerId ? error.raw : JSON.stringify({ ...error.message, id: callerId }));
  return outcomeOf(error.message, 0);
}
