import { createHash } from "node:crypto";

const VALID = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The name bots see: `<server-slug>__<tool-name>`. Clients reject names
 * outside ^[a-zA-Z0-9_-]{1,64}$, so a name that would break that becomes a
 * deterministic short form: the sanitized name cut to fit, plus `_` and 8 hex
 * characters of a SHA-256 of the original. Same input, same name, every sync.
 */
export function exposedName(serverSlug: string, name: string): string {
  const plain = `${serverSlug}__${name}`;
  if (VALID.test(plain)) return plain;
  const hash = createHash("sha256").update(plain).digest("hex").slice(0, 8);
  const sanitized = plain.replace(/[^a-zA-Z0-9_-]+/g, "_");
  return `${sanitized.slice(0, 64 - 9)}_${hash}`;
}
