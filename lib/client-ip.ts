import { ipFamilyOf } from "@/lib/ip-syntax";

/**
 * The header server.ts stamps with the TCP peer address of every request,
 * after deleting any copy the client sent. It is the only source we trust.
 */
export const PEER_ADDRESS_HEADER = "x-control-room-peer";

/**
 * The caller's IP: the socket peer, or, with TRUSTED_PROXY_HOPS=N (N proxies
 * of ours in front), the Nth address from the right of X-Forwarded-For, all
 * such headers joined. Without N the header is never trusted: anyone can send it.
 */
export function clientIp(headers: Headers, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string | null {
  const peer = normalizeIp(headers.get(PEER_ADDRESS_HEADER));
  if (!trustedProxyHops) return peer;
  // Headers.get joins repeated headers with ", ", which is what we want.
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = chain[chain.length - trustedProxyHops];
  return normalizeIp(candidate ?? null) ?? peer;
}

/** Unwraps IPv4-mapped IPv6 (::ffff:a.b.c.d); anything that is not an IP is null. */
export function normalizeIp(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const ip = mapped ? mapped[1] : trimmed;
  return ipFamilyOf(ip) ? ip.toLowerCase() : null;
}

/** clientIp for a node:http request: the socket's peer, or X-Forwarded-For under TRUSTED_PROXY_HOPS (same rules). */
export function clientIpOfNode(req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }): string | null {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const peer = normalizeIp(req.socket.remoteAddress ?? null);
  if (!hops) return peer;
  const header = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return normalizeIp(chain[chain.length - hops] ?? null) ?? peer;
}
