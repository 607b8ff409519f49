import { BlockList, isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { parseCidrList } from "@/lib/cidr-list";
import { normalizeIp } from "@/lib/client-ip";

// Which addresses the gateway may connect to upstream. Link-local and cloud
// metadata addresses never; loopback, private, carrier-grade NAT, unique-local
// and other special ranges only inside UPSTREAM_ALLOWED_NETWORKS; public
// addresses always. An IPv6 address that carries an IPv4 address inside it
// (see embeddedIPv4) is judged by both: the stricter verdict wins.

const NEVER = new BlockList();
// Link-local (RFC 3927): the metadata address 169.254.169.254 of AWS, GCP, Azure, Oracle,
// DigitalOcean, Hetzner, OpenStack, IBM, Huawei; AWS's DNS (.253) and time (.123); Tencent's 169.254.0.23.
NEVER.addSubnet("169.254.0.0", 16, "ipv4");
NEVER.addSubnet("0.0.0.0", 8, "ipv4"); // "this network": 0.0.0.0 reaches the local host on Linux
// Alibaba Cloud ECS metadata: https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata
NEVER.addAddress("100.100.100.200", "ipv4");
// Azure WireServer / host agent (a public-looking address answered by the host):
// https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
NEVER.addAddress("168.63.129.16", "ipv4");
// Oracle Cloud Infrastructure's legacy metadata and iSCSI address:
// https://docs.oracle.com/iaas/Content/Compute/Tasks/gettingmetadata.htm
NEVER.addAddress("192.0.0.192", "ipv4");
NEVER.addSubnet("fe80::", 10, "ipv6"); // IPv6 link-local
// AWS Nitro IPv6 endpoints (metadata, DNS, time):
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
for (const address of ["fd00:ec2::254", "fd00:ec2::253", "fd00:ec2::123"]) NEVER.addAddress(address, "ipv6");
// GCP metadata server over IPv6: https://cloud.google.com/compute/docs/metadata/querying-metadata
NEVER.addAddress("fd20:ce::254", "ipv6");
NEVER.addAddress("::", "ipv6");

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

/**
 * The IPv4 addresses an IPv6 address embeds, for the forms that route to one:
 * IPv4-mapped ::ffff:0:0/96 and IPv4-translated ::ffff:0:0:0/96 (RFC 4291,
 * 2765), IPv4-compatible ::/96 (deprecated, still parsed by stacks), NAT64
 * 64:ff9b::/96 (RFC 6052; the local-use 64:ff9b:1::/48 of RFC 8215 has no
 * fixed position and stays non-public as a whole), 6to4 2002::/16 (RFC 3056,
 * bits 16–47) and Teredo 2001::/32 (RFC 4380: the server in bits 32–63, the
 * client inverted in the last 32 bits). Both Teredo addresses are judged.
 */
export function embeddedIPv4(ipv6: string): string[] {
  let bytes: number[];
  try {
    bytes = ipaddr.IPv6.parse(ipv6).toByteArray();
  } catch {
    return [];
  }
  const v4 = (at: number, invert = false) => bytes.slice(at, at + 4).map((b) => (invert ? b ^ 0xff : b)).join(".");
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const word = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  if (zero(0, 10) && word(10) === 0xffff) return [v4(12)]; // mapped
  if (zero(0, 8) && word(8) === 0xffff && word(10) === 0) return [v4(12)]; // translated
  if (zero(0, 12) && !zero(12, 14)) return [v4(12)]; // compatible (:: and ::1 excluded: their first 16 of 32 bits are 0)
  if (word(0) === 0x64 && word(2) === 0xff9b && zero(4, 12)) return [v4(12)]; // NAT64 well-known prefix
  if (word(0) === 0x2002) return [v4(2)]; // 6to4
  if (word(0) === 0x2001 && word(2) === 0) return [v4(4), v4(12, true)]; // Teredo
  return [];
}

export type AddressVerdict = "allowed" | "never" | "not_allowed" | "invalid";

/** The outbound policy's verdict on one address (an IPv6 one with the verdict on every IPv4 inside it). */
export function judgeAddress(address: string, allowed: BlockList = allowedNetworks()): AddressVerdict {
  const ip = normalizeIp(address);
  if (!ip) return "invalid";
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (NEVER.check(ip, family)) return "never";
  const inner = family === "ipv6" ? embeddedIPv4(ip) : [];
  if (inner.some((v4) => NEVER.check(v4, "ipv4"))) return "never";
  if (NON_PUBLIC.check(ip, family) && !allowed.check(ip, family)) return "not_allowed";
  if (inner.some((v4) => NON_PUBLIC.check(v4, "ipv4") && !allowed.check(v4, "ipv4")) && !allowed.check(ip, family)) return "not_allowed";
  return "allowed";
}

/** null when the address may be connected to, else why not (naming the variable where it helps). */
export function refuseAddress(address: string, allowed: BlockList = allowedNetworks()): string | null {
  const verdict = judgeAddress(address, allowed);
  const ip = normalizeIp(address) ?? address;
  return {
    allowed: null,
    invalid: `${address} is not an IP address`,
    never: `${ip} is a link-local or cloud-metadata address, which upstreams may never use`,
    not_allowed: `${ip} is a loopback or private address; add its network to ${ALLOWED_NETWORKS_VARIABLE} to allow it`,
  }[verdict];
}
