import { BlockList, isIP } from "node:net";
import { parseCidrList } from "@/lib/cidr-list";
import { normalizeIp } from "@/lib/client-ip";

// Which addresses the gateway may connect to upstream. Link-local and cloud
// metadata addresses never; loopback, private, carrier-grade NAT, unique-local
// and other special ranges only inside UPSTREAM_ALLOWED_NETWORKS; public
// addresses always.

const NEVER = new BlockList();
NEVER.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, incl. 169.254.169.254 metadata
NEVER.addSubnet("0.0.0.0", 8, "ipv4");
NEVER.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
NEVER.addSubnet("fe80::", 10, "ipv6");
NEVER.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6
NEVER.addAddress("::", "ipv6");
NEVER.addAddress("64:ff9b::a9fe:a9fe", "ipv6"); // 169.254.169.254 through NAT64

const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
  ["192.0.0.0", 24],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, "ipv4");
}
NON_PUBLIC.addAddress("::1", "ipv6");
NON_PUBLIC.addSubnet("fc00::", 7, "ipv6");
NON_PUBLIC.addSubnet("ff00::", 8, "ipv6");
NON_PUBLIC.addSubnet("64:ff9b::", 96, "ipv6");
NON_PUBLIC.addSubnet("64:ff9b:1::", 48, "ipv6");

export const ALLOWED_NETWORKS_VARIABLE = "UPSTREAM_ALLOWED_NETWORKS";

/** Parses "10.0.0.0/8, 127.0.0.1/32, fd00::/8" into a BlockList (used as an allow list). */
export function parseAllowedNetworks(value: string | undefined): BlockList {
  try {
    return parseCidrList(value);
  } catch (error) {
    throw new Error(`${ALLOWED_NETWORKS_VARIABLE}: ${(error as Error).message}`);
  }
}

let cached: { raw: string | undefined; list: BlockList } | undefined;
function allowedNetworks(): BlockList {
  const raw = process.env[ALLOWED_NETWORKS_VARIABLE];
  if (!cached || cached.raw !== raw) cached = { raw, list: parseAllowedNetworks(raw) };
  return cached.list;
}

/** null when the address may be connected to, else why not (naming the variable where it helps). */
export function refuseAddress(address: string, allowed: BlockList = allowedNetworks()): string | null {
  const ip = normalizeIp(address);
  if (!ip) return `${address} is not an IP address`;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (NEVER.check(ip, family)) return `${ip} is a link-local or cloud-metadata address, which upstreams may never use`;
  if (NON_PUBLIC.check(ip, family) && !allowed.check(ip, family)) {
    return `${ip} is a loopback or private address; add its network to ${ALLOWED_NETWORKS_VARIABLE} to allow it`;
  }
  return null;
}
