import { db } from "@/lib/db/prisma";

// Generic cell-rate algorithm in PostgreSQL: one row per key holds the
// theoretical arrival time (tat). `limit` events are allowed per `windowMs`,
// refilling one every windowMs / limit. Every instance shares the table, so
// the limit holds across instances; the database clock is the only clock.

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitState = { limited: boolean; retryAfterMs: number };

/** Whether `key` is over its limit right now, without counting an event. */
export async function peekRateLimit(key: string, { limit, windowMs }: RateLimitRule): Promise<RateLimitState> {
  const interval = windowMs / limit;
  const rows = await db().$queryRaw<{ waitMs: number }[]>`
    SELECT EXTRACT(EPOCH FROM (tat - (now() AT TIME ZONE 'UTC'))) * 1000 - ${windowMs - interval}::float8 AS "waitMs"
    FROM "RateLimitState" WHERE key = ${key}`;
  const waitMs = Number(rows[0]?.waitMs ?? 0);
  return { limited: waitMs > 0, retryAfterMs: Math.max(0, Math.ceil(waitMs)) };
}

/** Counts one event for `key` (the tat never runs more than one window ahead). */
export async function penalizeRateLimit(key: string, { limit, windowMs }: RateLimitRule): Promise<void> {
  const interval = windowMs / limit;
  await db().$executeRaw`
    INSERT INTO "RateLimitState" (key, tat, "updatedAt")
    VALUES (${key}, (now() AT TIME ZONE 'UTC') + ${interval}::float8 * interval '1 millisecond', now())
    ON CONFLICT (key) DO UPDATE SET
      tat = LEAST(
        GREATEST("RateLimitState".tat, now() AT TIME ZONE 'UTC') + ${interval}::float8 * interval '1 millisecond',
        (now() AT TIME ZONE 'UTC') + ${windowMs}::float8 * interval '1 millisecond'),
      "updatedAt" = now()`;
}
