import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import { auditTargetLabel } from "@/lib/audit/audit-target-label";

/** One audit event as the API and the exports show it. */
export type AuditEventView = {
  id: string;
  seq: number;
  createdAt: string;
  /** `token`: the service token that acted (id and display prefix), when one did. */
  actor: { kind: "USER" | "SERVICE_ACCOUNT" | "TOKEN" | "SYSTEM"; id: string | null; label: string | null; token: { id: string; prefix: string | null } | null };
  action: string;
  /**
   * label: its name as the event recorded it, else its current name; link: where
   * it lives now in the Control Room (null once it is gone). Both filled by the list.
   */
  target: { kind: string; id: string | null; label?: string | null; link?: string | null } | null;
  serviceAccountId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The previous event's hash and this one's (hex SHA-256), for checking the chain outside. */
  prevHash: string;
  hash: string;
};

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
