import { consumeRateLimit, type RateLimitOutcome, type RateLimitRule } from "@/lib/rate-limit/gcra";
import { consumeRedisRateLimit, warnRedisDown } from "@/lib/rate-limit/redis-gcra";

/**
 * A token's per-minute slot: in Redis when REDIS_URL is set, else in
 * PostgreSQL. When Redis does not answer (down, unreachable, timing out after
 * 500 ms), the limit is enforced in PostgreSQL instead: requests keep their
 * limit and are never refused because Redis is away (README, Rate limits).
 */
export async function consumeTokenSlot(tokenId: string, perMinute: number, cost = 1): Promise<RateLimitOutcome & { limit: number }> {
  const rule: RateLimitRule = { limit: perMinute, windowMs: 60_000 };
  const key = `token:${tokenId}`;
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    try {
      return { ...(await consumeRedisRateLimit(redisUrl, key, rule, cost)), limit: perMinute };
    } catch (error) {
      warnRedisDown(error);
    }
  }
  return { ...(await consumeRateLimit(key, rule, cost)), limit: perMinute };
}
