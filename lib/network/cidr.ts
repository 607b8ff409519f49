import ipaddr from "ipaddr.js";
import { ipFamilyOf, prefixLengthOf } from "@/lib/ip-syntax";

// CIDR blocks for IP allowlists, on ipaddr.js (the parser behind Express's
// proxy-addr). Entries are stored canonical: the network address (host bits
// cleared), IPv6 compressed and lowercase. IPv4 blocks match IPv4 addresses
// only and IPv6 blocks IPv6 only, so 0.0.0.0/0 is "all IPv4" and ::/0 "all
// IPv6"; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an IPv4 address.

export type ParsedCidr = { ok: true; canonical: string; family: 4 | 6 } | { ok: false; message: string };

export function parseCidr(input: string): ParsedCidr {
  const value = input.trim();
  // Only the canonical spelling (lib/network/ip-syntax.ts): ipaddr.js also reads legacy
  // shorthands ("1.2.3") and leading zeros as octal ("010.010.010.010/32" would be 8.8.8.8/32).
  const [address = "", bits = "", ...rest] = value.split("/");
  const family = ipFamilyOf(address);
  if (!family || rest.length || prefixLengthOf(bits, family) === null) {
    return { ok: false, message: `"${input}" is not a CIDR block (write it like 203.0.113.0/24 or 2001:db8::/32)` };
  }
  try {
    const [address, prefix] = ipaddr.parseCIDR(value);
    if (address.kind() === "ipv4") {
      const network = ipaddr.IPv4.networkAddressFromCIDR(value);
      return { ok: true, canonical: `${network.toString()}/${prefix}`, family: 4 };
    }
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return { ok: false, message: `"${input}" is an IPv4-mapped IPv6 block; write the IPv4 block instead` };
    const network = ipaddr.IPv6.networkAddressFromCIDR(value);
    return { ok: true, canonical: `${network.toRFC5952String()}/${prefix}`, family: 6 };
  } catch {
    return { ok: false, message: `"${input}" is not a CIDR block (write it like 203.0.113.0/24 or 2001:db8::/32)` };
  }
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

// Parsing is the cost of matching a 100-entry allowlist; a block's string
// always parses the same, so its parse is kept (the entries themselves are
// read fresh on every request).
const parsedRanges = new Map<string, Range | null>();
function range(cidr: string): Range | null {
  let parsed = parsedRanges.get(cidr);
  if (parsed === undefined) {
    try {
      parsed = ipaddr.parseCIDR(cidr);
    } catch {
      parsed = null;
    }
    if (parsedRanges.size > 100_000) parsedRanges.clear();
    parsedRanges.set(cidr, parsed);
  }
  return parsed;
}

/** An address ready for matching against many blocks: IPv4-mapped IPv6 unwrapped; null when not an address. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(address);
  } catch {
    return null;
  }
}

/** Whether an address (IPv4, IPv6 or IPv4-mapped IPv6, as a string or parsed) falls in a canonical block. */
export function cidrContains(cidr: string, address: string | ipaddr.IPv4 | ipaddr.IPv6 | null): boolean {
  const ip = typeof address === "string" ? parseAddress(address) : address;
  const block = range(cidr);
  return Boolean(ip && block && ip.kind() === block[0].kind() && ip.match(block));
}
