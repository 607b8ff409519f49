import { AUTHORIZATION_COUNT_HEADER } from "@/lib/authorization-count";
import { TOKEN_LENGTH } from "@/lib/tokens/token-format";

export type BearerCredential = { kind: "none" } | { kind: "malformed" } | { kind: "token"; token: string };

// Long enough for "Bearer " and a token with some stray whitespace; anything
// longer is not ours and is not parsed further.
const MAX_HEADER_LENGTH = TOKEN_LENGTH + 64;

/**
 * Reads `Authorization: Bearer <token>`. The scheme is case-insensitive
 * (RFC 9110); surrounding spaces are tolerated; a second Authorization header
 * (which Headers joins with ", ") or anything else makes it malformed. A token
 * in the query string is never read.
 */
export function parseBearer(headers: Headers): BearerCredential {
  // More than one Authorization header on the wire (counted by server.ts, which Node would hide).
  if (headers.has(AUTHORIZATION_COUNT_HEADER)) return { kind: "malformed" };
  return parseBearerValue(headers.get("authorization"));
}

/** The same, for the value of the one Authorization header (null when there is none). */
export function parseBearerValue(header: string | null): BearerCredential {
  if (header === null) return { kind: "none" };
  if (header.length > MAX_HEADER_LENGTH) return { kind: "malformed" };
  const match = /^[ \t]*bearer[ \t]+([^\s,]+)[ \t]*$/i.exec(header);
  return match ? { kind: "token", token: match[1] } : { kind: "malformed" };
}
