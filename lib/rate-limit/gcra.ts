import { db } from "@/lib/db/prisma";

// Generic cell-rate algorithm in PostgreSQL: one row per key holds the
// theoretical arrival time (tat). `limit` events are allowed per `windowMs`,
// refilling one every windowMs / limit. Every instance shares the table, so
// the limit holds across instances; the database clock is the only clock.

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitOutcome = { allowed: boolean; retryAfterMs: number };

/**
 * Takes one slot for `key`. The row is locked for the decision, so of any
 * number of concurrent callers exactly as many as the limit allows get one.
 */
export async function consumeRateLimit(key: string, { limit, windowMs }: RateLimitRule): Promise<RateLimitOutcome> {
  const interval = windowMs / limit;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "RateLimitState" (key, tat, "updatedAt") VALUES (${key}, now() AT TIME ZONE 'UTC', now()) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ tat: Date; now: Date }[]>`
      SELECT tat, now() AT TIME ZONE 'UTC' AS now FROM "RateLimitState" WHERE key = ${key} FOR UPDATE`;
    const next = Math.max(row.tat.getTime(), row.now.getTime()) + interval;
    const ahead = next - row.now.getTime();
    if (ahead > windowMs) return { allowed: false, retryAfterMs: Math.ceil(ahead - windowMs) };
    await tx.$executeRaw`UPDATE "RateLimitState" SET tat = ${new Date(next)}, "updatedAt" = now() WHERE key = ${key}`;
    return { allowed: true, retryAfterMs: 0 };
  });
}

/** Gives a slot back (an attempt that turned out not to count). */
export async function refundRateLimit(key: string, { limit, windowMs }: RateLimitRule): Promise<void> {
  const interval = windowMs / limit;
  await db().$executeRaw`
    UPDATE "RateLimitState" SET tat = GREATEST(tat - ${interval}::float8 * interval '1 millisecond', now() AT TIME ZONE 'UTC'), "updatedAt" = now()
    WHERE key = ${key}`;
}
