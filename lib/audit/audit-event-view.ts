import type { AuditEvent } from "@/lib/generated/prisma/client";
import { auditTargetLabel } from "@/lib/audit/audit-target-label";
import type { AuditEventView } from "@/lib/audit/contract";
export type { AuditEventView } from "@/lib/audit/contract";

export function toAuditEventView(row: AuditEvent): AuditEventView {
  return {
    id: row.id,
    seq: Number(row.seq),
    createdAt: row.createdAt.toISOString(),
    actor: { kind: row.actorKind, id: row.actorId, label: row.actorLabel, token: row.actorTokenId ? { id: row.actorTokenId, prefix: row.actorTokenPrefix } : null },
    action: row.action,
    target: row.targetKind ? { kind: row.targetKind, id: row.targetId, label: auditTargetLabel(row.before, row.after) } : null,
    serviceAccountId: row.serviceAccountId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
