// `npm run jobs:cleanup`: one round of the housekeeping the app runs hourly
// (expired tokens past EXPIRED_TOKEN_RETENTION_DAYS, audit events and usage
// records past each organization's retention, stale rate-limit rows), by hand.
// Uses DATABASE_URL; with the embedded database, stop the app first (PGlite
// is one process's) or let the app's own hourly run do it.
import { prepareDatabase } from "@/lib/db/prepare-database";
import { disconnectDb } from "@/lib/db/prisma";
import { runMaintenance } from "@/lib/jobs/run-maintenance";

async function main() {
  const { embedded } = await prepareDatabase({ log: (line) => console.log(`[cleanup] ${line}`) });
  const result = await runMaintenance();
  console.log(
    result.ran
      ? `[cleanup] deleted ${result.deleted} token(s) expired more than ${result.retentionDays} day(s) ago`
      : "[cleanup] another instance is cleaning up right now; nothing done",
  );
  console.log(`[cleanup] retention removed ${result.auditEventsDeleted} audit event(s) and ${result.toolCallsDeleted} usage record(s)`);
  await disconnectDb();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(`[cleanup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
