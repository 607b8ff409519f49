import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM for secrets at rest (upstream API keys in static headers).
// Format: "v1." + base64url(iv | tag | ciphertext). The key is SECRETS_KEY
// (32 bytes, base64), generated into the data directory when unset.

const VERSION = "v1";

function key(): Buffer {
  const raw = process.env.SECRETS_KEY;
  if (!raw) throw new Error("SECRETS_KEY is not set: start the app through server.ts, which loads or generates it");
  const bytes = Buffer.from(raw, "base64");
  if (bytes.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)");
  return bytes;
}

export function encryptJson(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

export function decryptJson<T>(sealed: string): T {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) throw new Error("Unknown secret format");
  const bytes = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
}

export function generateSecretsKey(): string {
  return randomBytes(32).toString("base64");
}
