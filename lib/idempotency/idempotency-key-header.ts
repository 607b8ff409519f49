import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

// Pure parts of the Idempotency-Key handling (IETF draft-ietf-httpapi-idempotency-key-header):
// the header's value and the request's fingerprint. The database side is with-idempotency-key.ts.

const BARE = /^[\x21-\x7e]{1,255}$/;
const QUOTED = /^"([\x20-\x21\x23-\x5b\x5d-\x7e]{1,255})"$/;

/**
 * The key from an `Idempotency-Key` header: the draft's sf-string (`"abc"`),
 * or the bare form many clients send (`abc`). Absent is null; anything else is a 400.
 */
export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1]!;
  if (BARE.test(text) && !text.includes('"')) return text;
  throw new AppError("bad_request", "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID");
}

/** JSON with object keys sorted, so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same request": method, path and (parsed) body. */
export function requestFingerprint({ method, path, body }: { method: string; path: string; body: unknown }): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest("hex");
}
