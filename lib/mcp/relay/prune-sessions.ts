import { pools } from "@/lib/db/pools";

/** How long a gateway session (and an upstream session the gateway opened) lives: a caller past it re-initializes, as after any 404. */
export const SESSION_LIFETIME_HOURS = 24;

/**
 * Housekeeping: gateway sessions that ended or outlived their lifetime, and
 * upstream sessions older than it (their upstreams expire them too; the next
 * call of their caller opens a fresh one). Safe on several instances at once.
 */
export async function pruneSessions(): Promise<{ gatewaySessions: number; upstreamSessions: number }> {
  const pool = pools().dataPlane;
  const cutoff = `(now() AT TIME ZONE 'UTC') - interval '${SESSION_LIFETIME_HOURS} hours'`;
  const upstream = await pool.query(`DELETE FROM "UpstreamSession" WHERE "createdAt" < ${cutoff}`);
  const gateway = await pool.query(`DELETE FROM "GatewaySession" WHERE "createdAt" < ${cutoff} OR "closedAt" < (now() AT TIME ZONE 'UTC') - interval '1 hour'`);
  return { gatewaySessions: gateway.rowCount ?? 0, upstreamSessions: upstream.rowCount ?? 0 };
}
