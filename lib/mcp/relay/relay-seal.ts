import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Small authenticated envelopes the relay hands to callers and gets back:
// the ids of server→client requests it relays, and the requestState of the
// multi round-trip requests it translates. AES-256-GCM with a key derived
// from SECRETS_KEY (the same on every instance), so any instance can open
// what another sealed, and a caller can neither read nor forge them.

const PREFIX = "cr1.";

let cached: { raw: string; key: Buffer } | undefined;
function key(): Buffer {
  const raw = process.env.SECRETS_KEY;
  if (!raw) throw new Error("SECRETS_KEY is not set: start the app through server.ts, which loads or generates it");
  if (cached?.raw !== raw) cached = { raw, key: createHash("sha256").update("control-room relay seal v1\0").update(Buffer.from(raw, "base64")).digest() };
  return cached.key;
}

export function seal(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export const isSealed = (value: unknown): value is string => typeof value === "string" && value.startsWith(PREFIX);

/** The sealed value, or null for anything this key did not seal (tampered, truncated, foreign). */
export function unseal<T>(value: unknown): T | null {
  if (!isSealed(value) || value.length > 8192) return null;
  try {
    const bytes = Buffer.from(value.slice(PREFIX.length), "base64url");
    if (bytes.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
  } catch {
    return null;
  }
}
