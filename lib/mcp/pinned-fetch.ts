import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { Agent } from "undici";
import { judgeAddress, refuseAddress, type AddressVerdict } from "@/lib/network/outbound-policy";

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(
    message: string,
    /** Why: never allowed (link-local, metadata), or outside UPSTREAM_ALLOWED_NETWORKS. */
    readonly verdict: Exclude<AddressVerdict, "allowed">,
  ) {
    super(message);
  }
}

/**
 * Resolves an upstream's host, checks every address against the outbound
 * policy and hands the connection only addresses it checked: there is no
 * second lookup, so DNS rebinding cannot swap in a forbidden address between
 * the check and the connection. TLS still verifies the certificate against
 * the host name.
 */
const pinnedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { all: true, family: options?.family ?? 0 }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refusals = addresses.map((a) => refuseAddress(a.address));
    const allowed = addresses.filter((_, i) => refusals[i] === null);
    if (!allowed.length) {
      const verdict = judgeAddress(addresses[0]?.address ?? "") as Exclude<AddressVerdict, "allowed">;
      return callback(new BlockedAddressError(`Refused to connect to ${hostname}: ${refusals[0]}`, verdict), "", 0);
    }
    if (options?.all) (callback as unknown as (e: null, a: typeof allowed) => void)(null, allowed);
    else callback(null, allowed[0].address, allowed[0].family);
  });
};

/** The keep-alive node:http agents of the SDK client's transport (the catalog sync), over the pinned lookup. */
export function createPinnedAgents() {
  // Enough sockets for a busy upstream; idle ones are reused newest first so
  // the rest can time out (Node honours the upstream's Keep-Alive hint).
  const options = { keepAlive: true, lookup: pinnedLookup, maxSockets: 256, maxFreeSockets: 64, scheduling: "lifo" as const };
  return { "http:": new http.Agent(options), "https:": new https.Agent(options) };
}

/**
 * The relay's connections to upstreams: undici's keep-alive pools (one per
 * origin, up to 256 connections each), over the pinned lookup. undici rather
 * than node:http's agent because a request on a pooled connection costs
 * less (no ClientRequest, parser or socket listeners per request): 74–128 µs
 * per request for a client alone on the development machine. No headers or body
 * timeout of its own: every relayed call has its server's deadline, and a
 * notification stream may stay quiet for hours.
 */
function createUpstreamDispatcher(): Agent {
  return new Agent({ connect: { lookup: pinnedLookup }, connections: 256, headersTimeout: 0, bodyTimeout: 0 });
}

/** An IP-literal host never goes through lookup: the policy is checked here instead. */
export function refuseLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return;
  const refusal = refuseAddress(host);
  if (refusal) throw new BlockedAddressError(`Refused to connect to ${host}: ${refusal}`, judgeAddress(host) as Exclude<AddressVerdict, "allowed">);
}

const globalForAgents = globalThis as unknown as { controlRoomUpstreamAgents?: ReturnType<typeof createPinnedAgents>; controlRoomUpstreamDispatcher?: Agent };
export const upstreamAgents = () => (globalForAgents.controlRoomUpstreamAgents ??= createPinnedAgents());
export const upstreamDispatcher = () => (globalForAgents.controlRoomUpstreamDispatcher ??= createUpstreamDispatcher());

/** A fetch for the SDK client transport (catalog sync) over the pinned agents. */
export function createPinnedFetch() {
  const agents = upstreamAgents();

  return async function pinnedFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Unsupported protocol ${url.protocol}`);
    refuseLiteralHost(url);
    const transport = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body == null ? undefined : typeof init.body === "string" ? init.body : Buffer.from(await new Response(init.body).arrayBuffer());
    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(
        url,
        { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:" | "https:"], signal: init.signal ?? undefined },
        (res) => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (Array.isArray(value)) value.forEach((v) => responseHeaders.append(name, v));
            else if (value !== undefined) responseHeaders.set(name, value);
          }
          const status = res.statusCode ?? 502;
          const empty = [101, 103, 204, 205, 304].includes(status);
          if (empty) res.resume();
          resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), { status, headers: responseHeaders }));
        },
      );
      request.on("error", reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  };
}
