import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StringDecoder } from "node:string_decoder";
import { prefixMcpNameHeader, prefixRequestNames, requestMethodOf, translateJsonText, unprefixResponseNames } from "./conformance/prefixed-names";
import { createSseEventSplitter, translateSseEvent } from "./conformance/sse-events";

export type ConformanceLoopback = { url: string; close: () => Promise<void> };

export type ConformanceLoopbackOptions = {
  /** The gateway's MCP endpoint, e.g. http://127.0.0.1:3000/org/demo */
  target: string;
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token: string;
  /** What the gateway puts in front of every tool and prompt name, e.g. `conformance__`. */
  prefix: string;
};

// Recomputed or meaningless per hop; accept-encoding goes too, so bodies arrive uncompressed and can be rewritten.
const DROPPED_REQUEST_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "accept-encoding", "authorization"]);
const DROPPED_RESPONSE_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);

/**
 * Puts the conformance suite in front of the gateway. The suite cannot send
 * a token and knows the upstream's own names; this proxy (127.0.0.1, a free
 * port) forwards every request to `target` with the bearer token, adds the
 * `<slug>__` prefix to the names the caller sends (body and Mcp-Name) and
 * removes it from tools/list and prompts/list results (JSON bodies and SSE
 * events, relayed one write per event as they arrive). Status codes and
 * every other header pass unchanged. Host and Origin naming the loopback
 * itself are rewritten to the target's, any other value (a DNS-rebinding
 * probe) is forwarded as sent.
 */
export function startConformanceLoopback({ target, token, prefix }: ConformanceLoopbackOptions): Promise<ConformanceLoopback> {
  const targetUrl = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  // host:port forms a client may use for the loopback itself (filled in once it listens).
  const own = { authorities: [] as string[] };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => forward(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.keepAliveTimeout = 5000;

  function forward(req: IncomingMessage, res: ServerResponse, text: string) {
    const body = text ? translateJsonText(text, (message) => prefixRequestNames(message, prefix)) : "";
    const headers = requestHeaders(req.headers, requestMethodOf(text));
    if (req.method !== "GET" && req.method !== "HEAD") headers["content-length"] = String(Buffer.byteLength(body));
    const upstream = http.request(targetUrl, { method: req.method, headers, agent }, (response) => relay(response, res));
    upstream.on("error", (error) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "text/plain" }).end(`conformance loopback: ${error.message}`);
    });
    // The caller went away (or the suite cancelled a stream): stop the upstream exchange too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body || undefined);
  }

  function requestHeaders(incoming: IncomingHttpHeaders, method: unknown): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming)) {
      if (value === undefined || DROPPED_REQUEST_HEADERS.has(name)) continue;
      headers[name] = value;
    }
    headers.authorization = `Bearer ${token}`;
    if (own.authorities.includes(String(headers.host))) headers.host = targetUrl.host;
    if (own.authorities.some((authority) => headers.origin === `http://${authority}`)) headers.origin = targetUrl.origin;
    if (typeof headers["mcp-name"] === "string") headers["mcp-name"] = prefixMcpNameHeader(headers["mcp-name"], method, prefix);
    return headers;
  }

  function relay(response: IncomingMessage, res: ServerResponse) {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
    }
    const type = String(response.headers["content-type"] ?? "");
    const unprefix = (message: unknown) => unprefixResponseNames(message, prefix);
    if (type.includes("text/event-stream")) {
      res.writeHead(response.statusCode ?? 502, headers);
      res.flushHeaders();
      const decoder = new StringDecoder("utf8");
      const splitter = createSseEventSplitter((event) => res.write(translateSseEvent(event, unprefix)));
      response.on("data", (chunk: Buffer) => splitter.push(decoder.write(chunk)));
      response.on("end", () => {
        splitter.push(decoder.end());
        splitter.end();
        res.end();
      });
      response.on("error", () => res.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("error", () => res.destroy());
    response.on("end", () => {
      const raw = Buffer.concat(chunks);
      const out = type.includes("json") ? Buffer.from(translateJsonText(raw.toString("utf8"), unprefix)) : raw;
      // A HEAD answer or a 202/204 has no body and must not be given a length it does not have.
      if (out.length > 0 || response.headers["content-length"] !== undefined) headers["content-length"] = String(out.length);
      res.writeHead(response.statusCode ?? 502, headers).end(out);
    });
  }

  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      own.authorities = [`127.0.0.1:${port}`, `localhost:${port}`];
      resolve({
        url: `http://127.0.0.1:${port}${targetUrl.pathname}${targetUrl.search}`,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
