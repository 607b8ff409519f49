import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { missingRedisServer } from "@/lib/testing/require-redis-server";

// One migrated throwaway database for the whole integration run. Workers
// start after this and inherit the environment it sets.
export default async function setup() {
  const redis = missingRedisServer();
  if (redis) throw new Error(redis);
  const scratch = await createScratchDatabase("cr_it", process.env.DATABASE_URL);
  await migrateDatabase({ connectionString: scratch.url });
  process.env.TEST_SERVER_URL = process.env.DATABASE_URL ?? "";
  process.env.TEST_DATABASE_KIND = scratch.kind;
  process.env.DATABASE_URL = scratch.url;
  if (scratch.kind === "pglite") process.env.DATABASE_POOL_SIZE = "1";
  return () => scratch.drop();
}
