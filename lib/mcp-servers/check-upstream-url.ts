import dns from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { refuseAddress } from "@/lib/network/outbound-policy";

/**
 * Refuses, up front and with a message naming the field, a URL whose host
 * resolves to an address upstreams may not use. (Every connection is checked
 * again at connect time against the address actually used.)
 */
export async function checkUpstreamUrl(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new AppError("validation_failed", `url: ${host} does not resolve`, { fields: [{ field: "url", message: `${host} does not resolve` }] });
    }
  }
  const refusal = addresses.map((a) => refuseAddress(a)).find((r) => r !== null);
  if (refusal && addresses.every((a) => refuseAddress(a) !== null)) {
    throw new AppError("validation_failed", `url: ${refusal}`, { fields: [{ field: "url", message: refusal }] });
  }
}
