import { db } from "@/lib/db/prisma";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Rows removed per transaction, so a first prune of years of events does not hold the chain for long. */
const BATCH_SIZE = 10_000;

/**
 * Applies each organization's audit retention (auditRetentionDays). The
 * deleting is done by the database function audit_events_prune, the only
 * path the append-only trigger lets through; it removes the oldest events
 * and moves the chain's anchor, so what is left still verifies. Each prune
 * leaves an event of its own saying how far it went.
 */
export async function pruneAuditEvents({ batchSize = BATCH_SIZE }: { batchSize?: number } = {}): Promise<{ deleted: number }> {
  const orgs = await db().auditChain.findMany({ select: { orgId: true } });
  let deleted = 0;
  for (const { orgId } of orgs) {
    let removedHere = 0;
    for (;;) {
      const removed = await db().$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ removed: bigint }[]>`SELECT audit_events_prune(${orgId}::uuid, ${batchSize}::int) AS removed`;
        return Number(row?.removed ?? 0n);
      });
      removedHere += removed;
      if (removed < batchSize) break;
    }
    if (!removedHere) continue;
    deleted += removedHere;
    await db().$transaction(async (tx) => {
      const chain = await tx.auditChain.findUniqueOrThrow({ where: { orgId }, select: { anchorSeq: true } });
      const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditRetentionDays: true } });
      await recordAuditEvent(
        tx,
        { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null },
        { orgId, action: "audit_log.prune", after: { removed: removedHere, throughSeq: Number(chain.anchorSeq), retentionDays: org.auditRetentionDays } },
      );
    });
  }
  return { deleted };
}
