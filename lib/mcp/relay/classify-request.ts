import { classifyInboundRequest } from "@modelcontextprotocol/server";

type RequestRoute = ReturnType<typeof classifyInboundRequest>;
type Inbound = Parameters<typeof classifyInboundRequest>[0] & { body: unknown };

const REQUEST_KEYS = new Set(["jsonrpc", "id", "method", "params"]);
const MAX_REMEMBERED = 5000;
const remembered = new Map<string, RequestRoute>();

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The SDK's era classification of one POST (classifyInboundRequest: the
 * spec's validation ladder, zod underneath), remembered for the requests
 * whose answer depends on nothing but the headers, the method and
 * `params._meta`: a JSON-RPC request with exactly the four members, a string
 * or integer id and plain-object params. The SDK reads nothing else of such
 * a request (its schemas are loose in params), so the remembered answer is
 * the one it would give; a bot's calls differ only in arguments, and skip
 * the schema walk after the first. Anything else is classified afresh.
 */
export function classifyRequest(inbound: Inbound): RequestRoute {
  const key = memoKey(inbound);
  if (key === null) return classifyInboundRequest(inbound);
  let route = remembered.get(key);
  if (!route) {
    const fresh = classifyInboundRequest(inbound);
    // The message itself is not part of what is remembered.
    route = Object.freeze(fresh.kind === "modern" ? { ...fresh, message: undefined as never } : fresh);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, route);
  }
  return route;
}

function memoKey({ httpMethod, protocolVersionHeader, mcpMethodHeader, mcpNameHeader, body }: Inbound): string | null {
  if (httpMethod !== "POST" || !isPlainObject(body)) return null;
  for (const name in body) if (!REQUEST_KEYS.has(name)) return null;
  const { jsonrpc, id, method, params } = body;
  if (jsonrpc !== "2.0" || typeof method !== "string" || method === "initialize") return null;
  if (typeof id !== "string" && !Number.isInteger(id)) return null;
  if (params !== undefined && !isPlainObject(params)) return null;
  // An absent header (null here) and an empty one are told apart, as the SDK tells them apart.
  return JSON.stringify([protocolVersionHeader, mcpMethodHeader, mcpNameHeader, method, params === undefined, params?._meta === undefined, params?._meta ?? null]);
}
