import { isIP } from "node:net";

// The one spelling of an IP address Control Room accepts, wherever an address
// or a CIDR block comes in (allowlist entries, "Test an address", upstream
// URLs, UPSTREAM_ALLOWED_NETWORKS). IPv4 is four decimal parts of 0–255 with
// no leading zeros: inet_aton's legacy forms read "010.010.010.010" as octal
// (8.8.8.8), "0x7f.1" as hex and "2130706433" as one decimal number, so a
// reader and a writer would disagree about which address an entry names.

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const CANONICAL_IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** Whether `value` is a dotted-quad IPv4 address in its one canonical spelling. */
export function isCanonicalIPv4(value: string): boolean {
  return CANONICAL_IPV4.test(value);
}

/**
 * 4 or 6 for an address in accepted syntax, 0 otherwise. Node's isIP is
 * strict already (it refuses every legacy IPv4 form, also inside IPv6); the
 * IPv4 check is kept explicit so the rule does not rest on it.
 */
export function ipFamilyOf(value: string): 0 | 4 | 6 {
  if (value.includes(":")) {
    const embedded = /:(\d+(?:\.\d+){3})$/.exec(value);
    if (embedded && !isCanonicalIPv4(embedded[1]!)) return 0;
    return isIP(value) === 6 ? 6 : 0;
  }
  return isCanonicalIPv4(value) ? 4 : 0;
}

/** A CIDR prefix length for the family: decimal, no leading zeros; null when not one. */
export function prefixLengthOf(value: string, family: 4 | 6): number | null {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(value)) return null;
  const prefix = Number(value);
  return prefix <= (family === 4 ? 32 : 128) ? prefix : null;
}

/**
 * The host of a URL as written, when a WHATWG URL parser would read it as an
 * IPv4 address (its last label is a number: decimal, octal or 0x hex) but it is
 * not the canonical dotted quad; null otherwise. `new URL()` itself rewrites
 * "http://010.010.010.010/" to 8.8.8.8, so this must look at the raw text.
 */
export function nonCanonicalIPv4Host(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:[\\/]*(?:[^@/\\?#]*@)?([^:/\\?#]*)/i.exec(url.trim());
  if (!match || match[1]!.startsWith("[")) return null;
  let host: string;
  try {
    host = decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return null;
  }
  const labels = host.replace(/\.$/, "").split(".");
  const last = labels.at(-1) ?? "";
  const numeric = /^(?:0x[0-9a-f]*|\d+)$/i.test(last);
  if (!numeric) return null;
  return isCanonicalIPv4(host.replace(/\.$/, "")) && !host.endsWith(".") ? null : match[1]!;
}
