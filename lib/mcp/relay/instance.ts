import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

// This process among the gateway's instances. A multi round-trip request
// that the relay translates lives in the memory of the instance that holds
// the upstream stream; a caller's next step may land on any instance, which
// then forwards it to the holder at its INSTANCE_URL (an address the
// instances reach each other on; by default this machine's loopback and PORT).

const processId = randomUUID();

export function instanceUrl(): string {
  return (process.env.INSTANCE_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}

/** Identifies this process: a restarted instance at the same URL no longer holds what its predecessor did. */
export const instanceProcessId = () => processId;

export const FORWARDED_HEADER = "x-control-room-forwarded";
const MAX_SKEW_MS = 30_000;

const mac = (value: string) =>
  createHmac("sha256", Buffer.from(process.env.SECRETS_KEY ?? "", "base64")).update(`control-room forward v1\0${value}`).digest("base64url");

/**
 * The header an instance adds when it forwards a caller's request to a peer:
 * the caller's address (the peer sees only the forwarding instance's),
 * a timestamp and an HMAC under SECRETS_KEY, so no caller can forge it.
 */
export function forwardedHeader(clientIp: string | null): string {
  const value = `${clientIp ?? "-"};${Date.now()}`;
  return `${value};${mac(value)}`;
}

/** The caller's address a peer vouched for, or null when the header is absent, stale or forged. */
export function verifyForwardedHeader(header: string | undefined): { clientIp: string | null } | null {
  if (!header) return null;
  const parts = header.split(";");
  if (parts.length !== 3) return null;
  const [ip, at, signature] = parts;
  const expected = Buffer.from(mac(`${ip};${at}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Math.abs(Date.now() - Number(at)) > MAX_SKEW_MS) return null;
  return { clientIp: ip === "-" ? null : ip };
}
