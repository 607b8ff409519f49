import { decryptJson } from "@/lib/secrets/secret-box";
import { isModernVersion } from "@/lib/mcp/relay/protocol";

/** What the relay needs of an upstream server row. */
export type UpstreamServer = {
  id: string;
  slug: string;
  url: string;
  builtin: boolean;
  headersEncrypted: string | null;
  timeoutMs: number;
  protocolVersion: string | null;
  supportedVersions: string[];
};

/** Which eras the upstream said it speaks at its last sync (what it negotiated, when it said nothing more). */
export function upstreamEras(server: UpstreamServer): { modern: boolean; legacy: boolean } {
  const versions = server.supportedVersions.length ? server.supportedVersions : server.protocolVersion ? [server.protocolVersion] : [];
  if (!versions.length) return { modern: true, legacy: true };
  return { modern: versions.some(isModernVersion), legacy: versions.some((v) => !isModernVersion(v)) };
}

// Decrypting is cheap but not free; the ciphertext is the key, so a changed
// header value is a different entry and nothing stale can be served.
const headerCache = new Map<string, Record<string, string>>();

/** The server's static headers (its API key…), decrypted. Never logged. */
export function staticHeaders(server: UpstreamServer): Record<string, string> {
  if (!server.headersEncrypted) return {};
  let headers = headerCache.get(server.headersEncrypted);
  if (!headers) {
    headers = decryptJson<Record<string, string>>(server.headersEncrypted);
    if (headerCache.size > 1000) headerCache.clear();
    headerCache.set(server.headersEncrypted, headers);
  }
  return headers;
}
