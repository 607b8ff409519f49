import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";

/** Rows removed per transaction, so a first prune of years of events does not hold the chain for long. */
const BATCH_SIZE = 10_000;

/**
 * Applies each organization's audit retention (auditRetentionDays, never
 * under 30 days in the database). The deleting is done by the database
 * function audit_events_prune, the only path the append-only trigger lets
 * through; it removes the oldest events, moves the chain's anchor so what is
 * left still verifies, and records an audit_log.prune event in the same
 * transaction. One organization's failure (a chain with a gap) is logged and
 * does not stop the others.
 */
export async function pruneAuditEvents({ batchSize = BATCH_SIZE }: { batchSize?: number } = {}): Promise<{ deleted: number; failedOrgs: number }> {
  const orgs = await db().auditChain.findMany({ select: { orgId: true } });
  let deleted = 0;
  let failedOrgs = 0;
  for (const { orgId } of orgs) {
    try {
      for (;;) {
        const [row] = await db().$queryRaw<{ removed: bigint }[]>`SELECT audit_events_prune(${orgId}::uuid, ${batchSize}::int) AS removed`;
        const removed = Number(row?.removed ?? 0n);
        deleted += removed;
        if (removed < batchSize) break;
      }
    } catch (error) {
      failedOrgs++;
      logger.error("audit retention failed for an organization", { orgId, error });
    }
  }
  return { deleted, failedOrgs };
}
