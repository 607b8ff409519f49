import { createHash, randomUUID } from "node:crypto";
import type { RelayOutcome } from "@/lib/mcp/relay/call-control";
import { outcomeOf } from "@/lib/mcp/relay/call-control";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { INPUT_WAIT_MS } from "@/lib/mcp/relay/fulfill-for-legacy-caller";
import { instanceProcessId, instanceUrl } from "@/lib/mcp/relay/instance";
import { ErrorCode, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import { pumpUpstreamAnswer } from "@/lib/mcp/relay/pump-upstream-answer";
import { readHttpError } from "@/lib/mcp/relay/read-http-error";
import type { RelayContext, RelayRequest } from "@/lib/mcp/relay/relay-context";
import { cancelUpstream } from "@/lib/mcp/relay/cancel-upstream";
import { seal } from "@/lib/mcp/relay/relay-seal";
import { modernMeta, withoutModernMeta } from "@/lib/mcp/relay/request-meta";
import { sendToUpstream } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { addCallSink, followUpstreamSession } from "@/lib/mcp/relay/upstream-followers";
import { ensureUpstreamSession, forgetUpstreamSession, rememberUpstreamLogLevel, setUpstreamLogLevel, type OpenUpstreamSession } from "@/lib/mcp/relay/upstream-sessions";

/** What the requestState of a translated multi round-trip request carries (sealed: the caller can neither read nor change it). */
export type ContinuationState = { k: "mrtr"; c: string; i: string; p: string; t: string; m: string; n: string };

const continuations = new Map<string, Continuation>();

export const nameDigest = (method: string, params: JsonObject) =>
  createHash("sha256").update(`${method}\0${String(params.name ?? params.uri ?? "")}`).digest("base64url").slice(0, 22);

type Attached = { reply: CallerReply; callerId: RequestId; logLevel: string | null; resolve: (outcome: RelayOutcome) => void };
type Item = { kind: "event"; raw: string; isLog: boolean } | { kind: "request" } | { kind: "final"; message: JsonObject | null; raw: string; bytes: number } | { kind: "failure"; error: unknown };

/**
 * A 2026-07-28 caller on a 2025-era upstream. The upstream asks for input
 * with server→client requests on the call's stream; a 2026 caller cannot take
 * requests, so the relay answers its call with an input_required result
 * carrying those requests, and keeps the upstream stream open here. The
 * caller's retry (with inputResponses and this requestState) sends the
 * answers to the upstream session and picks the stream up where it was. A
 * retry that lands on another instance is forwarded here (see the MCP handler).
 */
class Continuation {
  readonly id = randomUUID();
  private readonly controller = new AbortController();
  private attached: Attached | null = null;
  private readonly queue: Item[] = [];
  /** Input requests asked and not yet answered: key → the upstream's request. */
  private readonly pending = new Map<string, JsonObject>();
  private nextKey = 1;
  private deadline: NodeJS.Timeout | null = null;
  private remainingMs: number;
  private deadlineStarted = 0;
  private inputTimer: NodeJS.Timeout | null = null;
  private over = false;
  private readonly releases: (() => void)[] = [];

  constructor(
    private readonly server: UpstreamServer,
    private readonly session: OpenUpstreamSession,
    private readonly upstreamId: string,
    readonly tokenId: string,
    readonly method: string,
    readonly digest: string,
  ) {
    this.remainingMs = server.timeoutMs;
  }

  /** Sends the request upstream and answers the first round. */
  start(ctx: RelayContext, request: RelayRequest, body: string): Promise<RelayOutcome> {
    const { scopeKey } = ctx.caller;
    // What the session asks outside this call's stream while it runs belongs to it too.
    this.releases.push(addCallSink(scopeKey, this.server.id, { takeServerRequest: (message) => this.takeServerRequest(message) }));
    this.releases.push(followUpstreamSession({ server: this.server, scopeKey, tokenId: this.tokenId, session: this.session }));
    const round = this.attach(ctx.reply, request.id, modernMeta(request.params).logLevel);
    void this.run(ctx, body);
    return round;
  }

  /** The caller's retry: its answers go to the upstream session, and this round's reply takes the stream from here. */
  resume(ctx: RelayContext, request: RelayRequest): Promise<RelayOutcome> {
    const responses = (request.params.inputResponses ?? {}) as Record<string, unknown>;
    for (const [key, upstreamRequest] of [...this.pending]) {
      if (!(key in responses)) continue;
      this.pending.delete(key);
      void this.answerUpstream(upstreamRequest.id as RequestId, responses[key]);
    }
    if (this.inputTimer) clearTimeout(this.inputTimer);
    const round = this.attach(ctx.reply, request.id, modernMeta(request.params).logLevel);
    this.drain();
    return round;
  }

  private attach(reply: CallerReply, callerId: RequestId, logLevel: string | null): Promise<RelayOutcome> {
    return new Promise((resolve) => {
      this.attached = { reply, callerId, logLevel, resolve };
      this.startDeadline();
      void reply.gone.then(() => {
        if (this.attached?.reply === reply && !this.over) this.finish("cancelled", { outcome: "CANCELLED", resultBytes: 0, errorMessage: "The caller cancelled or went away" });
      });
    });
  }

  private async run(ctx: RelayContext, body: string) {
    try {
      const answer = await sendToUpstream({
        server: this.server,
        method: "POST",
        headers: upstreamHeaders({ protocolVersion: this.session.version, sessionId: this.session.sessionId, passThrough: ctx.passThrough }),
        body,
        signal: this.controller.signal,
      });
      if (answer.status >= 400) {
        const error = await readHttpError(this.server.slug, answer);
        if (answer.status === 404) await forgetUpstreamSession({ scopeKey: ctx.caller.scopeKey, serverId: this.server.id, sealed: this.session.sealed });
        return this.push(error instanceof UpstreamFailure ? { kind: "failure", error } : { kind: "final", message: error.message, raw: error.raw, bytes: 0 });
      }
      await pumpUpstreamAnswer({
        slug: this.server.slug,
        answer,
        expectedId: this.upstreamId,
        sink: {
          notification: (raw, message) => this.push({ kind: "event", raw, isLog: message.method === "notifications/message" }),
          serverRequest: (_raw, message) => this.takeServerRequest(message),
          final: (raw, message, bytes) => this.push({ kind: "final", message, raw, bytes }),
        },
      });
    } catch (error) {
      if (!this.over) this.push({ kind: "failure", error });
    }
  }

  private takeServerRequest(message: JsonObject) {
    this.pending.set(`r${this.nextKey++}`, message);
    this.push({ kind: "request" });
  }

  private push(item: Item) {
    this.queue.push(item);
    if (this.attached) this.drain();
  }

  /** Writes what the upstream said, in order, to the attached round, until it ends the round. */
  private drain() {
    while (this.attached && this.queue.length) {
      const item = this.queue.shift()!;
      const { reply, callerId, logLevel } = this.attached;
      if (item.kind === "event") {
        // On 2026-07-28 a request without a log level gets no log messages.
        if (!item.isLog || logLevel) reply.event(item.raw);
      } else if (item.kind === "request") {
        if (this.pending.size) this.askForInput();
      } else if (item.kind === "final") {
        const result = item.message?.result as JsonObject | undefined;
        const message = item.message?.error ? { ...item.message, id: callerId } : { jsonrpc: "2.0", id: callerId, result: { resultType: "complete", ...result } };
        reply.json(200, JSON.stringify(message));
        this.finish(null, { ...outcomeOf(item.message, item.bytes), resultBytes: item.bytes });
      } else this.fail(item.error);
    }
    // Answers still missing after a retry are asked for again at once (the spec's advice for a partial answer).
    if (this.attached && this.pending.size && !this.queue.length) this.askForInput();
  }

  private askForInput() {
    const attached = this.attached!;
    const state: ContinuationState = { k: "mrtr", c: this.id, i: instanceUrl(), p: instanceProcessId(), t: this.tokenId, m: this.method, n: this.digest };
    const inputRequests = Object.fromEntries([...this.pending].map(([key, request]) => [key, { method: request.method, params: request.params ?? {} }]));
    attached.reply.json(200, JSON.stringify({ jsonrpc: "2.0", id: attached.callerId, result: { resultType: "input_required", inputRequests, requestState: seal(state) } }));
    this.pauseDeadline();
    this.attached = null;
    continuations.set(this.id, this);
    this.inputTimer = setTimeout(() => this.finish("cancelled", null), INPUT_WAIT_MS);
    this.inputTimer.unref();
    attached.resolve({ outcome: "INPUT_REQUIRED", resultBytes: 0, errorMessage: null });
  }

  private fail(error: unknown) {
    const attached = this.attached;
    if (!attached) return;
    const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure("closed", `Upstream "${this.server.slug}": the gateway failed to relay the call`);
    attached.reply.error(200, attached.callerId, failure.code, failure.message, { upstream: this.server.slug, reason: failure.reason });
    this.finish(null, { outcome: "ERROR", resultBytes: 0, errorMessage: failure.message });
  }

  private startDeadline() {
    if (this.deadline || this.over) return;
    this.deadlineStarted = performance.now();
    this.deadline = setTimeout(() => {
      const attached = this.attached;
      const message = `Upstream "${this.server.slug}" did not answer within ${this.server.timeoutMs / 1000} s`;
      attached?.reply.error(200, attached.callerId, ErrorCode.UpstreamTimeout, message, { upstream: this.server.slug, reason: "timeout" });
      this.finish("timeout", { outcome: "TIMEOUT", resultBytes: 0, errorMessage: message });
    }, Math.max(0, this.remainingMs));
    this.deadline.unref();
  }

  private pauseDeadline() {
    if (!this.deadline) return;
    clearTimeout(this.deadline);
    this.deadline = null;
    this.remainingMs -= performance.now() - this.deadlineStarted;
  }

  /** Ends the whole exchange; with a stop reason the upstream is told and its stream closed. */
  private finish(stop: "timeout" | "cancelled" | null, outcome: RelayOutcome | null) {
    if (this.over) return;
    this.over = true;
    this.pauseDeadline();
    if (this.inputTimer) clearTimeout(this.inputTimer);
    continuations.delete(this.id);
    this.releases.forEach((release) => release());
    if (stop) {
      void cancelUpstream(this.server, this.session, this.upstreamId, stop);
      this.controller.abort();
    }
    const attached = this.attached;
    this.attached = null;
    if (attached && outcome) attached.resolve(outcome);
  }

  private async answerUpstream(id: RequestId, result: unknown) {
    try {
      const answer = await sendToUpstream({
        server: this.server,
        method: "POST",
        headers: upstreamHeaders({ protocolVersion: this.session.version, sessionId: this.session.sessionId }),
        body: JSON.stringify({ jsonrpc: "2.0", id, result }),
        signal: AbortSignal.timeout(this.server.timeoutMs),
      });
      answer.body.resume();
    } catch (error) {
      if (!this.over) this.push({ kind: "failure", error });
    }
  }
}

/**
 * A 2026-07-28 caller's request for a 2025-era upstream: relayed in the
 * caller's token-wide upstream session (one per set of declared capabilities),
 * with its per-request log level set on that session first when it changed.
 */
export async function relayForModernCaller(ctx: RelayContext, request: RelayRequest, server: UpstreamServer, resumeState?: ContinuationState): Promise<RelayOutcome> {
  if (resumeState) return resumeContinuation(ctx, request, resumeState);
  const { caller } = ctx;
  try {
    const session = await ensureUpstreamSession({
      server,
      owner: { orgId: caller.principal.orgId, tokenId: caller.principal.tokenId, scopeKey: caller.scopeKey },
      identity: ctx.identity,
      existing: caller.upstreamSessions[server.id],
    });
    const level = ctx.identity.logLevel;
    if (level && level !== session.logLevel) {
      await setUpstreamLogLevel(server, upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }), level);
      await rememberUpstreamLogLevel({ scopeKey: caller.scopeKey, serverId: server.id, level });
    }
    const upstreamId = `cr-${randomUUID()}`;
    const continuation = new Continuation(server, session, upstreamId, caller.principal.tokenId, request.method, nameDigest(request.method, request.params));
    const body = JSON.stringify({ jsonrpc: "2.0", id: upstreamId, method: request.method, params: withoutModernMeta(request.params) });
    return await continuation.start(ctx, request, body);
  } catch (error) {
    const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure("unreachable", `Upstream "${server.slug}" could not be reached`);
    ctx.reply.error(200, request.id, failure.code, failure.message, { upstream: server.slug, reason: failure.reason });
    return { outcome: "ERROR", resultBytes: 0, errorMessage: failure.message };
  }
}

function resumeContinuation(ctx: RelayContext, request: RelayRequest, state: ContinuationState): Promise<RelayOutcome> {
  const continuation = continuations.get(state.c);
  const stale = !continuation || state.p !== instanceProcessId() || state.t !== ctx.caller.principal.tokenId;
  const mismatched = continuation && (continuation.method !== request.method || continuation.digest !== nameDigest(request.method, request.params));
  if (stale || mismatched) {
    const message = mismatched ? "requestState belongs to another request" : "requestState is unknown or expired; send the request again without it";
    ctx.reply.error(200, request.id, ErrorCode.InvalidParams, `Invalid params: ${message}`);
    return Promise.resolve({ outcome: "ERROR", resultBytes: 0, errorMessage: message });
  }
  continuations.delete(state.c);
  return continuation.resume(ctx, request);
}
