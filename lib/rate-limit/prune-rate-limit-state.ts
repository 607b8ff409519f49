import { db } from "@/lib/db/prisma";

/** Forgets keys whose limit has fully refilled: their row says nothing any more. */
export async function pruneRateLimitState(): Promise<number> {
  return db().$executeRaw`DELETE FROM "RateLimitState" WHERE tat < (now() AT TIME ZONE 'UTC') - interval '1 hour'`;
}
