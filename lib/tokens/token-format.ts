import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

// alk_svc_ + 32 random base62 characters + 6 base62 characters of CRC32 over
// everything before them. The checksum lets us refuse typos and garbage
// before touching the database; it is not a secret and proves nothing.

export const TOKEN_PREFIX = "alk_svc_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;
const SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

/** 32 characters from the crypto RNG, by rejection sampling so every character is equally likely (~190 bits). */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: bytes at or above it would favour the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function base62(value: number, width: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}

export function checksumOf(body: string): string {
  return base62(crc32(body) >>> 0, CHECKSUM_LENGTH);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 8);
}

export type GeneratedToken = { token: string; prefix: string; hash: string };

export function generateServiceToken(): GeneratedToken {
  const body = TOKEN_PREFIX + randomBase62(RANDOM_LENGTH);
  const token = body + checksumOf(body);
  return { token, prefix: displayPrefix(token), hash: hashToken(token) };
}

/** Whether the string has the token's exact shape and a matching checksum. */
export function isWellFormedToken(value: string): boolean {
  if (value.length !== TOKEN_LENGTH || !SHAPE.test(value)) return false;
  const body = value.slice(0, -CHECKSUM_LENGTH);
  return checksumOf(body) === value.slice(-CHECKSUM_LENGTH);
}
