// `npm run jobs:cleanup`: one round of the expired-token cleanup, by hand.
// Uses DATABASE_URL; with the embedded database, stop the app first (PGlite
// is one process's) or let the app's own hourly run do it.
import { prepareDatabase } from "@/lib/db/prepare-database";
import { disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { deleteExpiredTokens } from "@/lib/tokens/delete-expired-tokens";

async function main() {
  const { embedded } = await prepareDatabase({ log: (line) => console.log(`[cleanup] ${line}`) });
  const retentionDays = env().EXPIRED_TOKEN_RETENTION_DAYS;
  const result = await deleteExpiredTokens({ retentionDays });
  console.log(
    result.ran
      ? `[cleanup] deleted ${result.deleted} token(s) expired more than ${retentionDays} day(s) ago`
      : "[cleanup] another instance is cleaning up right now; nothing done",
  );
  await disconnectDb();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(`[cleanup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
