import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { PEER_ADDRESS_HEADER } from "@/lib/client-ip";
import { AUTHORIZATION_COUNT_HEADER, countAuthorizationHeaders } from "@/lib/authorization-count";

/**
 * node:http → web-standard Request, with the TCP peer address stamped in the
 * one header we trust (a client-sent copy is dropped) and an AbortSignal that
 * fires when the client goes away.
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse): Request {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === PEER_ADDRESS_HEADER || name === AUTHORIZATION_COUNT_HEADER) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  if (req.socket.remoteAddress) headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress);
  const authorizations = countAuthorizationHeaders(req.rawHeaders);
  if (authorizations > 1) headers.set(AUTHORIZATION_COUNT_HEADER, String(authorizations));
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The URL's host is not used for anything; a fixed base keeps a hostile Host header from breaking the parse.
  return new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    signal: controller.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Streams a web-standard Response (JSON or SSE) to node:http. */
export function sendWebResponse(res: ServerResponse, response: Response): void {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as never)
    .on("error", () => res.destroy())
    .pipe(res);
}
