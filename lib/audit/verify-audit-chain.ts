import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { recordAuditVerification } from "@/lib/ops/record-audit-verification";
import type { ChainBreakReason, ChainBreak, ChainVerification } from "@/lib/audit/contract";
export type { ChainBreakReason, ChainBreak, ChainVerification } from "@/lib/audit/contract";

type WalkRow = { seq: bigint; id: string; reason: ChainBreakReason };

const MESSAGES: Record<ChainBreakReason, (seq: number) => string> = {
  content_changed: (seq) => `Event #${seq} was changed after it was recorded: its content no longer matches its hash`,
  link_broken: (seq) => `Event #${seq} does not follow the event before it: a hash in the chain was rewritten or events were reordered`,
  events_missing: (seq) => `Events before #${seq} are missing: they were deleted outside retention`,
  head_mismatch: (seq) => `Events after #${seq} are missing or the newest event was altered: the chain ends where it should not`,
};

/**
 * Walks one organization's hash chain from the retention anchor to the head
 * and reports the first break: an event whose content no longer matches its
 * hash, one that does not link to its predecessor, a gap in the numbering,
 * or a chain that stops before its recorded head. The database recomputes
 * each hash with the same function that wrote it, in one ordered scan, and
 * in one snapshot, so events written meanwhile do not disturb the walk.
 */
export async function verifyAuditChain({ orgId }: { orgId: string }): Promise<ChainVerification> {
  const verification = await db().$transaction(
    async (tx) => {
      // One walk per organization at a time: each one reads the whole chain.
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('audit-verify:' || ${orgId}::text)) AS locked`;
      if (!locked) throw new AppError("conflict", "A verification of this organization's audit chain is already running; try again when it has finished");
      const chain = await tx.auditChain.findUnique({ where: { orgId } });
      const anchorSeq = chain?.anchorSeq ?? 0n;
      const anchorHash = chain?.anchorHash ?? "";
      const headSeq = chain?.headSeq ?? 0n;
      const headHash = chain?.headHash ?? "";
      const [broken] = await tx.$queryRaw<WalkRow[]>`
        SELECT w.seq, w.id::text AS id,
          CASE
            WHEN w.seq <> COALESCE(w.prev_seq, ${anchorSeq}::bigint) + 1 THEN 'events_missing'
            WHEN w."prevHash" <> COALESCE(w.prev_hash, ${anchorHash}) THEN 'link_broken'
            ELSE 'content_changed'
          END AS reason
        FROM (
          SELECT e.seq, e.id, e.hash, e."prevHash", audit_event_hash(e) AS computed,
            lag(e.seq) OVER (ORDER BY e.seq) AS prev_seq, lag(e.hash) OVER (ORDER BY e.seq) AS prev_hash
          FROM "AuditEvent" e WHERE e."orgId" = ${orgId}::uuid
        ) w
        WHERE w.seq <> COALESCE(w.prev_seq, ${anchorSeq}::bigint) + 1
           OR w."prevHash" <> COALESCE(w.prev_hash, ${anchorHash})
           OR w.computed <> w.hash
        ORDER BY w.seq
        LIMIT 1`;
      const [last] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
        SELECT seq, hash FROM "AuditEvent" WHERE "orgId" = ${orgId}::uuid ORDER BY seq DESC LIMIT 1`;
      const checked = await tx.auditEvent.count({ where: { orgId } });
      let firstBreak: ChainBreak | null = null;
      if (broken) {
        const seq = Number(broken.seq);
        firstBreak = { seq, eventId: broken.id, reason: broken.reason, message: MESSAGES[broken.reason](seq) };
      } else if ((last?.seq ?? anchorSeq) !== headSeq || (last ? last.hash : anchorHash) !== headHash) {
        const seq = Number(last?.seq ?? anchorSeq);
        firstBreak = { seq, eventId: null, reason: "head_mismatch", message: MESSAGES.head_mismatch(seq) };
      }
      return {
        ok: !firstBreak,
        checked,
        anchorSeq: Number(anchorSeq),
        headSeq: Number(headSeq),
        headHash,
        firstBreak,
        verifiedAt: new Date().toISOString(),
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000 },
  );
  recordAuditVerification(verification.firstBreak?.reason ?? "ok");
  return verification;
}
