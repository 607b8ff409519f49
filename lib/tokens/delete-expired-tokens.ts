import { db } from "@/lib/db/prisma";
import { SYSTEM_ACTOR } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

const CLEANUP_LOCK_KEY = 72707371;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ExpiredTokenCleanup = { ran: boolean; deleted: number };

/**
 * Deletes tokens that expired more than `retentionDays` ago. Revoked tokens
 * are kept: they are the audit trail. Safe with several instances: the one
 * that takes the advisory lock does the work, the others skip this round.
 * Each organization gets one audit event saying which prefixes went.
 */
export async function deleteExpiredTokens({ retentionDays, now = new Date() }: { retentionDays: number; now?: Date }): Promise<ExpiredTokenCleanup> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  return db().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CLEANUP_LOCK_KEY}) AS locked`;
    if (!locked) return { ran: false, deleted: 0 };
    const doomed = await tx.serviceToken.findMany({
      where: { revokedAt: null, expiresAt: { lte: cutoff } },
      select: { id: true, orgId: true, prefix: true },
      take: 10_000,
    });
    if (!doomed.length) return { ran: true, deleted: 0 };
    await tx.serviceToken.deleteMany({ where: { id: { in: doomed.map((t) => t.id) } } });
    // (Map.groupBy would do, but Node 20 lacks it.)
    const byOrg = new Map<string, typeof doomed>();
    for (const token of doomed) byOrg.set(token.orgId, [...(byOrg.get(token.orgId) ?? []), token]);
    for (const [orgId, tokens] of byOrg) {
      await recordAuditEvent(
        tx,
        { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null },
        { orgId, action: "service_token.purge_expired", before: { prefixes: tokens.map((t) => t.prefix) }, after: { retentionDays } },
      );
    }
    return { ran: true, deleted: doomed.length };
  });
}
