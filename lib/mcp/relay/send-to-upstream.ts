import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { demoFetch } from "@/lib/mcp/demo-server";
import { refuseLiteralHost, upstreamAgents } from "@/lib/mcp/pinned-fetch";
import type { AbortLink } from "@/lib/mcp/relay/call-control";
import { connectFailure } from "@/lib/mcp/relay/upstream-failure";
import { staticHeaders, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";

export type UpstreamAnswer = { status: number; headers: IncomingHttpHeaders; body: Readable };

type Target = { transport: typeof http | typeof https; options: http.RequestOptions };
const targets = new Map<string, Target>();

/** The parsed request target of an upstream URL, once per URL (the hot path sends thousands). */
function targetOf(server: UpstreamServer): Target {
  let target = targets.get(server.url);
  if (!target) {
    const url = new URL(server.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Unsupported protocol ${url.protocol}`);
    refuseLiteralHost(url);
    target = {
      transport: url.protocol === "https:" ? https : http,
      options: {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        agent: upstreamAgents()[url.protocol],
      },
    };
    if (targets.size > 10_000) targets.clear();
    targets.set(server.url, target);
  }
  return target;
}

/**
 * One HTTP request to an upstream's MCP endpoint over the keep-alive pool,
 * resolving with the status, headers and body stream as soon as the headers
 * arrive. A request that fails because a reused idle socket was closed by the
 * upstream at that very moment (the keep-alive race) never reached it, so it
 * is sent once more on a fresh socket; any other socket error is an
 * UpstreamFailure naming the upstream. A request ends early through `signal`
 * or, on the hot path, through `abort` (its call destroys it when it stops).
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
  if (body !== undefined) all["content-length"] = Buffer.byteLength(body);
  const attempt = (retried: boolean): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const request = target.transport.request({ ...target.options, method, headers: all, signal }, (res) =>
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res }),
      );
      const aborted = () => signal?.aborted === true || abort?.aborted === true;
      request.on("error", (error: NodeJS.ErrnoException) => {
        const raced = request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
        if (raced && !retried && !aborted()) return resolve(attempt(true));
        reject(aborted() ? error : connectFailure(server.slug, error));
      });
      abort?.link(request);
      request.end(body);
    });
  return attempt(false);
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
