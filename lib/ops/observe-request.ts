import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp, PEER_ADDRESS_HEADER } from "@/lib/client-ip";
import { pinoLogger } from "@/lib/logger";
import { accessLogState } from "@/lib/ops/access-log-context";
import { recordHttpRequest } from "@/lib/ops/record-http-request";
import { routePatternOf } from "@/lib/ops/route-pattern";

// The access log: one JSON line per HTTP request, written when its response
// ends (or the client goes away), with the fields operators filter on. It is
// hand-built from a short list of fields rather than pino-http's request and
// response serializers, because those log raw headers (every one a possible
// secret) and the fields that matter here (route pattern, principal, MCP
// method and outcome) are only known at the end. The same hook counts the
// request in the HTTP metrics.

const FULL_TOKEN = /alk_svc_[0-9A-Za-z]{38}/g;
// Probes and scrapes arrive every few seconds from every balancer: debug, so they do not drown the log.
const QUIET_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

type HeaderValue = string | number | readonly string[] | undefined;
const first = (value: HeaderValue) => (value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value));

/** The X-Request-Id among writeHead's headers (an object, or a flat [name, value, …] list). */
function requestIdIn(headers: unknown): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === "x-request-id") return first(headers[i + 1]);
    return undefined;
  }
  if (!headers || typeof headers !== "object") return undefined;
  const key = Object.keys(headers).find((name) => name.toLowerCase() === "x-request-id");
  return key ? first((headers as Record<string, HeaderValue>)[key]) : undefined;
}

/** The socket's peer and X-Forwarded-For, read by the one rule in lib/client-ip.ts. */
function ipOf(req: IncomingMessage): string | null {
  const header = (name: string) => {
    if (name === PEER_ADDRESS_HEADER) return req.socket.remoteAddress ?? null;
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  };
  return clientIp({ get: header } as unknown as Headers);
}

/**
 * Starts observing one request: call it first in the server's request
 * handler, before any routing, so the MCP fast path is logged and counted
 * like everything else. Code running for this request can then add fields
 * with annotateCurrentRequest (lib/ops/access-log-context.ts).
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  // Every response carries a request id: the app's own where it sets one (problem+json's requestId, the
  // MCP endpoint's), else one made here just before the headers go out. Set earlier, it would be sent
  // twice, since Next appends the headers of a route's Response rather than replacing them.
  let requestId: string | undefined;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    requestId = requestIdIn(args.at(-1)) ?? first(res.getHeader("x-request-id"));
    if (!requestId) res.setHeader("X-Request-Id", (requestId = randomUUID()));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  // For the rest of this request's handling and everything it starts asynchronously.
  accessLogState.current.enterWith(res);
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const pathname = (req.url ?? "/").split("?")[0]!;
    const { route, params } = routePatternOf(pathname);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const aborted = !res.writableFinished;
    const status = res.statusCode;
    const method = req.method ?? "GET";
    recordHttpRequest({ method, route, status, durationMs });
    const fields = accessLogState.fields.get(res) ?? {};
    const line = {
      log: "access",
      requestId: requestId ?? randomUUID(),
      method,
      route,
      path: pathname.replace(FULL_TOKEN, "alk_svc_[redacted]").slice(0, 512),
      status,
      durationMs,
      ip: ipOf(req),
      orgSlug: params.orgSlug ?? params.slug,
      ...fields,
      ...(aborted ? { aborted: true } : {}),
    };
    const logger = pinoLogger();
    if (QUIET_ROUTES.has(route)) logger.debug(line, "request");
    else logger.info(line, "request");
  };
  res.once("finish", write);
  res.once("close", write);
}
