import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { demoFetch } from "@/lib/mcp/demo-server";
import { refuseLiteralHost, upstreamDispatcher } from "@/lib/mcp/pinned-fetch";
import type { Abortable, AbortLink } from "@/lib/mcp/relay/call-control";
import { connectFailure } from "@/lib/mcp/relay/upstream-failure";
import { staticHeaders, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";

export type UpstreamAnswer = { status: number; headers: IncomingHttpHeaders; body: Readable };

type Target = { origin: string; path: string };
const targets = new Map<string, Target>();

/** The origin and path of an upstream URL, once per URL (the hot path sends thousands). */
function targetOf(server: UpstreamServer): Target {
  let target = targets.get(server.url);
  if (!target) {
    const url = new URL(server.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Unsupported protocol ${url.protocol}`);
    refuseLiteralHost(url);
    target = { origin: url.origin, path: `${url.pathname}${url.search}` };
    if (targets.size > 10_000) targets.clear();
    targets.set(server.url, target);
  }
  return target;
}

/** Socket errors of a request that may have met the keep-alive race (undici says "other side closed"). */
const RACE_CODES = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

/**
 * One HTTP request to an upstream's MCP endpoint over the keep-alive pool,
 * resolving with the status, headers and body stream as soon as the headers
 * arrive. A request that fails because a reused idle connection was closed by
 * the upstream at that very moment (the keep-alive race) never reached it, so
 * it is sent once more; any other socket error is an UpstreamFailure naming
 * the upstream. A request ends early through `signal` or, on the hot path,
 * through `abort` (its call destroys it when it stops).
 */
export function sendToUpstream({
  server,
  method,
  headers,
  body,
  signal,
  abort,
}: {
  server: UpstreamServer;
  method: "POST" | "GET" | "DELETE";
  headers: OutgoingHttpHeaders;
  body?: string;
  signal?: AbortSignal;
  abort?: AbortLink;
}): Promise<UpstreamAnswer> {
  const all: OutgoingHttpHeaders = { ...headers, ...staticHeaders(server) };
  if (server.builtin) return sendToBuiltin(server, method, all, body, signal ?? builtinSignal(abort));
  let target: Target;
  try {
    target = targetOf(server);
  } catch (error) {
    return Promise.reject(connectFailure(server.slug, error));
  }
  const wire: Record<string, string | string[]> = {};
  for (const name in all) {
    const value = all[name];
    if (value !== undefined) wire[name] = typeof value === "string" ? value : Array.isArray(value) ? value : String(value);
  }
  if (body !== undefined) wire["content-length"] = String(Buffer.byteLength(body));
  const options: Dispatcher.DispatchOptions = { origin: target.origin, path: target.path, method, headers: wire, body };
  const aborted = () => signal?.aborted === true || abort?.aborted === true;
  const attempt = (retried: boolean): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const request = new UpstreamRequest(resolve, (error, raced) => {
        if (raced && !retried && !aborted()) return resolve(attempt(true));
        reject(aborted() ? error : connectFailure(server.slug, error));
      });
      if (signal) request.follow(signal);
      abort?.link(request);
      try {
        upstreamDispatcher().dispatch(options, request);
      } catch (error) {
        // undici refuses a header it cannot send (an Expect among a server's static headers).
        request.destroy(error as Error);
      }
    });
  return attempt(false);
}

/**
 * The dispatch handler of one upstream request: the answer's body is a plain
 * Readable fed chunk by chunk (paused when its reader is behind); destroying
 * it, or the request before its answer, aborts the exchange and its
 * connection, as destroying a node:http request does.
 */
class UpstreamRequest implements Dispatcher.DispatchHandler, Abortable {
  private controller: Dispatcher.DispatchController | null = null;
  private body: Readable | null = null;
  private stopped: Error | null = null;
  private over = false;
  private unfollow: (() => void) | null = null;

  constructor(
    private readonly answered: (answer: UpstreamAnswer) => void,
    private readonly failed: (error: Error, raced: boolean) => void,
  ) {}

  /** Aborts with the signal's reason when it fires (until the exchange is over). */
  follow(signal: AbortSignal): void {
    if (signal.aborted) return this.destroy(signal.reason as Error);
    const onAbort = () => this.destroy(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    this.unfollow = () => signal.removeEventListener("abort", onAbort);
  }

  destroy(error: Error = new Error("aborted")): void {
    if (this.body) return void this.body.destroy(error);
    if (this.stopped || this.over) return;
    this.stopped = error;
    // Not started yet: it is aborted as soon as undici hands it a connection.
    if (this.controller) this.controller.abort(error);
    else this.finish(() => this.failed(error, false));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stopped) controller.abort(this.stopped);
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders): void {
    if (this.over) return;
    this.body = new Readable({
      read: () => controller.resume(),
      destroy: (error, done) => {
        if (!this.over) this.finish(() => controller.abort(error ?? new Error("The answer was dropped")));
        done(error);
      },
    });
    this.answered({ status, headers, body: this.body });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.body && !this.body.push(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.finish(() => this.body?.push(null));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.over) return;
    if (this.body) return this.finish(() => this.body!.destroy(error));
    // Bytes read earlier on this connection: it was reused, so a reset before any answer is the keep-alive race.
    const socket = (error as { socket?: { bytesRead?: number } }).socket;
    const raced = !this.stopped && RACE_CODES.has((error as NodeJS.ErrnoException).code ?? "") && (socket?.bytesRead ?? 0) > 0;
    this.finish(() => this.failed(error, raced));
  }

  private finish(then: () => void): void {
    if (this.over) return;
    this.over = true;
    this.unfollow?.();
    then();
  }
}

/** The built-in server takes a Web Request: its call's stop aborts a signal made for it. */
function builtinSignal(abort: AbortLink | undefined): AbortSignal | undefined {
  if (!abort) return undefined;
  const controller = new AbortController();
  abort.link({ destroy: () => controller.abort() });
  return controller.signal;
}

/** The built-in demo server runs in this process: the same exchange, without a socket. */
async function sendToBuiltin(server: UpstreamServer, method: string, headers: OutgoingHttpHeaders, body: string | undefined, signal?: AbortSignal): Promise<UpstreamAnswer> {
  const request = new Request(server.url, {
    method,
    headers: Object.entries(headers).map(([name, value]) => [name, String(value)] as [string, string]),
    body,
    signal,
  });
  const response = await demoFetch(request);
  const answerHeaders: IncomingHttpHeaders = {};
  response.headers.forEach((value, name) => (answerHeaders[name] = value));
  return {
    status: response.status,
    headers: answerHeaders,
    body: response.body ? Readable.fromWeb(response.body as never) : Readable.from([]),
  };
}
