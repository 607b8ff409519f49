// 2026-07-28 mirrors the name a request acts on into the Mcp-Name header so
// intermediaries can route without reading the body; a server must refuse a
// request whose header and body disagree (a balancer and the gateway must
// never act on different names). The SDK's classifier checks the version and
// method headers; this is the name's half.

const NAME_SOURCE: Record<string, "name" | "uri"> = { "tools/call": "name", "prompts/get": "name", "resources/read": "uri" };

/** The header's value with the spec's `=?base64?…?=` sentinel decoded; undefined when the sentinel is malformed. */
export function decodeMcpHeaderValue(value: string): string | undefined {
  const match = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/.exec(value);
  if (!match) return value.startsWith("=?base64?") ? undefined : value;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  return Buffer.from(decoded, "utf8").toString("base64").replace(/=+$/, "") === match[1].replace(/=+$/, "") ? decoded : undefined;
}

/** null when the header is right; otherwise what is wrong, for a HeaderMismatch error. */
export function validateMcpNameHeader(method: string, params: Record<string, unknown>, header: string | undefined): string | null {
  const field = NAME_SOURCE[method];
  if (!field) return null;
  const body = params[field];
  if (typeof body !== "string") return null;
  if (header === undefined) return `Header mismatch: the body names params.${field}="${body}" but the required Mcp-Name header is absent`;
  const decoded = decodeMcpHeaderValue(header.trim());
  if (decoded === undefined) return "Header mismatch: the Mcp-Name header carries an invalid Base64 value";
  return decoded === body ? null : `Header mismatch: Mcp-Name header value '${decoded}' does not match body value '${body}'`;
}
