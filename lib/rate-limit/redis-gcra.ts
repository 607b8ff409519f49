import Redis from "ioredis";
import { logger } from "@/lib/logger";
import { outcomeOf, type RateLimitOutcome, type RateLimitRule } from "@/lib/rate-limit/gcra";

// The same GCRA as rate_limit_consume, in Redis (REDIS_URL), as one Lua script
// so it is atomic across instances. Redis's own clock is the only clock.
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nxt = tat + interval
if nxt - now > window then
  return {0, tostring(nxt - now - window), tostring(tat - now)}
end
redis.call('SET', KEYS[1], tostring(nxt), 'PX', math.ceil(nxt - now) + 1000)
return {1, '0', tostring(nxt - now)}`;

const globalForRedis = globalThis as unknown as { controlRoomRedis?: Redis; controlRoomRedisReady?: Promise<void> };

/** The first connection gets up to 500 ms; after that a Redis that is away fails at once (offline queue off). */
async function ready(redis: Redis): Promise<void> {
  if (redis.status === "ready") return;
  globalForRedis.controlRoomRedisReady ??= new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 500);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await globalForRedis.controlRoomRedisReady;
}

function client(url: string): Redis {
  globalForRedis.controlRoomRedis ??= new Redis(url, {
    // Fail fast while Redis is away: the caller falls back to PostgreSQL.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 500,
    commandTimeout: 500,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  globalForRedis.controlRoomRedis.on("error", () => {}); // reported once per fallback below
  return globalForRedis.controlRoomRedis;
}

/** `cost` slots from Redis (all or none); throws when Redis cannot answer. */
export async function consumeRedisRateLimit(url: string, key: string, rule: RateLimitRule, cost = 1): Promise<RateLimitOutcome> {
  const redis = client(url);
  await ready(redis);
  const [allowed, retryAfterMs, aheadMs] = (await redis.eval(SCRIPT, 1, `control-room:rl:${key}`, (rule.windowMs / rule.limit) * cost, rule.windowMs)) as [number, string, string];
  return outcomeOf(rule, allowed === 1, Number(retryAfterMs), Number(aheadMs));
}

let lastWarning = 0;
export function warnRedisDown(error: unknown): void {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  logger.warn("Redis is unreachable: rate limits fall back to PostgreSQL", { error: error instanceof Error ? error.message : String(error) });
}

export async function closeRedis(): Promise<void> {
  globalForRedis.controlRoomRedis?.disconnect();
  globalForRedis.controlRoomRedis = undefined;
  globalForRedis.controlRoomRedisReady = undefined;
}
