import { db } from "@/lib/db/prisma";

// Generic cell-rate algorithm (GCRA) in PostgreSQL: one row per key holds the
// theoretical arrival time (tat). `limit` events are allowed per `windowMs`,
// refilling one every windowMs / limit. Every instance shares the table, so
// the limit holds across instances; the database clock is the only clock.
// The decision is the function rate_limit_consume (prisma/sql/): one round
// trip, the row locked, so concurrent callers are counted exactly.

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitOutcome = { allowed: boolean; retryAfterMs: number; remaining: number; resetMs: number };

/** Turns the algorithm's numbers into what the RateLimit headers say. */
export function outcomeOf({ limit, windowMs }: RateLimitRule, allowed: boolean, retryAfterMs: number, aheadMs: number): RateLimitOutcome {
  const interval = windowMs / limit;
  return {
    allowed,
    retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
    remaining: Math.max(0, Math.floor((windowMs - aheadMs) / interval)),
    resetMs: Math.max(0, Math.ceil(aheadMs)),
  };
}

/** Takes `cost` slots for `key` at once (all or none): work that costs several requests' worth counts as several. */
export async function consumeRateLimit(key: string, rule: RateLimitRule, cost = 1): Promise<RateLimitOutcome> {
  const [row] = await db().$queryRaw<{ allowed: boolean; retry_after_ms: number; ahead_ms: number }[]>`
    SELECT * FROM rate_limit_consume(${key}, ${(rule.windowMs / rule.limit) * cost}::float8, ${rule.windowMs}::float8)`;
  return outcomeOf(rule, row.allowed, Number(row.retry_after_ms), Number(row.ahead_ms));
}

/** Gives a slot back (an attempt that turned out not to count). */
export async function refundRateLimit(key: string, { limit, windowMs }: RateLimitRule): Promise<void> {
  const interval = windowMs / limit;
  await db().$executeRaw`
    UPDATE "RateLimitState" SET tat = GREATEST(tat - ${interval}::float8 * interval '1 millisecond', now() AT TIME ZONE 'UTC'), "updatedAt" = now()
    WHERE key = ${key}`;
}
