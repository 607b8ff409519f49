// Name translation between a client that speaks an upstream's own names and
// the gateway, which exposes every tool and prompt as `<server-slug>__<name>`.
// Resource URIs are never prefixed. Messages that are not JSON-RPC objects
// pass through untouched, so malformed probes reach the gateway as sent.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const SENTINEL = /^=\?base64\?(.*)\?=$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A request with the prefix added to the names the gateway routes on. */
export function prefixRequestNames(message: unknown, prefix: string): unknown {
  if (!isObject(message) || typeof message.method !== "string" || !isObject(message.params)) return message;
  const params = message.params;
  if ((message.method === "tools/call" || message.method === "prompts/get") && typeof params.name === "string") {
    return { ...message, params: { ...params, name: prefix + params.name } };
  }
  if (message.method === "completion/complete" && isObject(params.ref) && params.ref.type === "ref/prompt" && typeof params.ref.name === "string") {
    return { ...message, params: { ...params, ref: { ...params.ref, name: prefix + params.ref.name } } };
  }
  return message;
}

/** A response (or any server message) with the prefix removed from listed tool and prompt names. */
export function unprefixResponseNames(message: unknown, prefix: string): unknown {
  if (!isObject(message) || !isObject(message.result)) return message;
  const result = message.result;
  const strip = (entries: unknown) =>
    Array.isArray(entries)
      ? entries.map((entry) => (isObject(entry) && typeof entry.name === "string" && entry.name.startsWith(prefix) ? { ...entry, name: entry.name.slice(prefix.length) } : entry))
      : entries;
  if (Array.isArray(result.tools)) return { ...message, result: { ...result, tools: strip(result.tools) } };
  if (Array.isArray(result.prompts)) return { ...message, result: { ...result, prompts: strip(result.prompts) } };
  return message;
}

/** Applies `translate` to a JSON body (one message or a batch); a body that is not JSON comes back unchanged. */
export function translateJsonText(text: string, translate: (message: unknown) => unknown): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const translated = Array.isArray(parsed) ? parsed.map(translate) : translate(parsed);
  return isUnchanged(parsed, translated) ? text : JSON.stringify(translated);
}

// The translators return the very same object when nothing changed; keep the original bytes then.
const isUnchanged = (before: unknown, after: unknown) =>
  before === after || (Array.isArray(before) && Array.isArray(after) && before.every((entry, i) => entry === after[i]));

/**
 * The 2026-07-28 Mcp-Name header for a request whose body `method` is given:
 * prefixed for tools/call and prompts/get (a URI or task id stays as is),
 * keeping the `=?base64?…?=` form and any surrounding whitespace. A sentinel
 * that is not valid base64 is left alone so the gateway sees what was sent.
 */
export function prefixMcpNameHeader(value: string, method: unknown, prefix: string): string {
  if (method !== "tools/call" && method !== "prompts/get") return value;
  const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(value)!;
  const encoded = SENTINEL.exec(core)?.[1];
  if (encoded === undefined) return `${lead}${prefix}${core}${trail}`;
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return value;
  const name = Buffer.from(encoded, "base64").toString("utf8");
  return `${lead}=?base64?${Buffer.from(prefix + name, "utf8").toString("base64")}?=${trail}`;
}

/** The body method of a JSON-RPC request text (the first one of a batch), for deciding how to treat Mcp-Name. */
export function requestMethodOf(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    return isObject(first) ? first.method : undefined;
  } catch {
    return undefined;
  }
}
