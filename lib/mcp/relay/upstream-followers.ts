import { logger } from "@/lib/logger";
import { ErrorCode, type JsonObject } from "@/lib/mcp/relay/protocol";
import { answerKind, parseUpstreamMessage, sseEvents } from "@/lib/mcp/relay/read-upstream-answer";
import { seal } from "@/lib/mcp/relay/relay-seal";
import { sendToUpstream } from "@/lib/mcp/relay/send-to-upstream";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import type { OpenUpstreamSession } from "@/lib/mcp/relay/upstream-sessions";
import { announceUpstreamListChanged } from "@/lib/mcp/upstream-pool";

// A 2025-era upstream also talks outside any call: on its session's GET
// stream come resource updates, log messages, and requests of its own (a
// roots/list right after initialize, or one made while serving a call but not
// tied to it). This instance follows that stream while it has a reason to —
// a call running on the session, or the caller's own GET stream open here —
// and delivers each message where the caller will see it: the caller's GET
// stream if open here, else the one call running on that session (a 2026
// caller then gets the request as input_required). A request nobody here can
// take is answered with an error at once, so the upstream never waits on it.

export type CallSink = { takeServerRequest: (message: JsonObject) => void };
export type StreamSink = { send: (json: string) => void };

const LINGER_MS = 30_000;

const callSinks = new Map<string, Set<CallSink>>();
const streamSinks = new Map<string, Set<StreamSink>>();
const followers = new Map<string, Follower>();

const sessionKey = (scopeKey: string, serverId: string) => `${scopeKey}|${serverId}`;

function add<T>(map: Map<string, Set<T>>, key: string, value: T): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
  return () => {
    set.delete(value);
    if (!set.size) map.delete(key);
  };
}

/** A call running on an upstream session, ready to take the session's requests that belong to no call. */
export function addCallSink(scopeKey: string, serverId: string, sink: CallSink): () => void {
  return add(callSinks, sessionKey(scopeKey, serverId), sink);
}

/** A 2025-era caller's GET stream open on this instance. */
export function addStreamSink(scopeKey: string, sink: StreamSink): () => void {
  return add(streamSinks, scopeKey, sink);
}

type Owner = { server: UpstreamServer; scopeKey: string; tokenId: string; session: OpenUpstreamSession };

/** Follows the upstream session's GET stream until the returned function was called as often as this one (plus a short linger). */
export function followUpstreamSession(owner: Owner): () => void {
  if (!owner.session.sessionId) return () => {};
  const key = sessionKey(owner.scopeKey, owner.server.id);
  let follower = followers.get(key);
  if (!follower || follower.sessionId !== owner.session.sessionId) {
    follower?.stop();
    follower = new Follower(owner, () => followers.delete(key));
    followers.set(key, follower);
  }
  return follower.acquire();
}

class Follower {
  readonly sessionId: string;
  private refs = 0;
  private linger: NodeJS.Timeout | null = null;
  private readonly controller = new AbortController();
  private running = false;

  constructor(
    private readonly owner: Owner,
    private readonly forget: () => void,
  ) {
    this.sessionId = owner.session.sessionId;
  }

  acquire(): () => void {
    this.refs++;
    if (this.linger) clearTimeout(this.linger);
    this.linger = null;
    if (!this.running) void this.run();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.refs > 0) return;
      this.linger = setTimeout(() => this.stop(), LINGER_MS);
      this.linger.unref();
    };
  }

  stop(): void {
    this.controller.abort();
    this.forget();
  }

  private async run() {
    const { server, session } = this.owner;
    this.running = true;
    try {
      for (let attempt = 0; attempt < 3 && !this.controller.signal.aborted; attempt++) {
        const headers = { ...upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }), accept: "text/event-stream" };
        const answer = await sendToUpstream({ server, method: "GET", headers, signal: this.controller.signal });
        // 405: the upstream has no GET stream; 409: another instance follows it; 404: the session is gone.
        if (answer.status !== 200 || answerKind(answer) !== "sse") {
          answer.body.resume();
          return;
        }
        for await (const event of sseEvents(server.slug, answer.body)) {
          if (event.data) this.deliver(parseUpstreamMessage(server.slug, event.data));
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } catch (error) {
      if (!this.controller.signal.aborted) logger.debug("stopped following an upstream session's stream", { server: server.slug, error: (error as Error).message });
    } finally {
      this.running = false;
      if (!this.controller.signal.aborted) this.forget();
    }
  }

  private deliver(message: JsonObject) {
    const { server, scopeKey, tokenId } = this.owner;
    const method = typeof message.method === "string" ? message.method : "";
    if (!method) return;
    if (method.endsWith("/list_changed")) {
      // The caller's lists come from the catalog: it looks again, and the gateway's own notification follows if a list changed.
      announceUpstreamListChanged(server.id);
      return;
    }
    const streams = streamSinks.get(scopeKey);
    const isRequest = message.id !== undefined && message.id !== null;
    if (!isRequest) {
      streams?.forEach((sink) => sink.send(JSON.stringify(message)));
      return;
    }
    if (streams?.size) {
      const id = seal({ k: "up", s: server.id, u: message.id, sc: scopeKey, t: tokenId });
      return [...streams][0].send(JSON.stringify({ ...message, id }));
    }
    const calls = callSinks.get(sessionKey(scopeKey, server.id));
    if (calls?.size === 1) return [...calls][0].takeServerRequest(message);
    void this.refuse(message);
  }

  private async refuse(message: JsonObject) {
    const { server, session } = this.owner;
    const body = JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: ErrorCode.MethodNotFound, message: "No client is connected to the gateway to answer this request" } });
    try {
      const answer = await sendToUpstream({ server, method: "POST", headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }), body, signal: AbortSignal.timeout(10_000) });
      answer.body.resume();
    } catch {
      // The upstream will time the request out itself.
    }
  }
}
