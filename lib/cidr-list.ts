import { BlockList } from "node:net";
import { ipFamilyOf, prefixLengthOf } from "@/lib/ip-syntax";

/**
 * Parses "10.0.0.0/8, 127.0.0.1/32, fd00::/8" into a BlockList; throws naming
 * the first entry that is not a CIDR block in canonical syntax (no leading
 * zeros, no short or hex IPv4 forms: lib/ip-syntax.ts).
 */
export function parseCidrList(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = ipFamilyOf(address);
    const prefix = !family ? null : bits === undefined ? (family === 6 ? 128 : 32) : prefixLengthOf(bits, family);
    if (!family || prefix === null || rest.length) throw new Error(`"${entry}" is not a CIDR block`);
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}
