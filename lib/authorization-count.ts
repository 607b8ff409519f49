import type { IncomingMessage } from "node:http";

/**
 * Node keeps only the first of repeated Authorization headers in
 * req.headers, so the app behind it would read one token and never know a
 * second was sent. server.ts counts them in the raw list and stamps the count
 * in this header, which only the server may set (a client's copy is dropped
 * first); parseBearer treats more than one as a malformed credential.
 */
export const AUTHORIZATION_COUNT_HEADER = "x-control-room-authorization-count";

/** How many Authorization headers the raw [name, value, …] list holds. */
export function countAuthorizationHeaders(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.length === 13 && rawHeaders[i]!.toLowerCase() === "authorization") count++;
  return count;
}

/** Replaces whatever the client sent in AUTHORIZATION_COUNT_HEADER with the real count, when there is more than one. */
export function stampAuthorizationCount(req: Pick<IncomingMessage, "headers" | "rawHeaders">): void {
  delete req.headers[AUTHORIZATION_COUNT_HEADER];
  const count = countAuthorizationHeaders(req.rawHeaders);
  if (count > 1) req.headers[AUTHORIZATION_COUNT_HEADER] = String(count);
}
