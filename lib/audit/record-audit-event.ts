import type { AuditContext } from "@/lib/principal";
import type { DbTx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  orgId: string;
  action: string;
  target?: { kind: string; id: string };
  /**
   * The service account the event concerns, for the audit log's filter. An
   * event whose target is a service account, or whose actor is one, gets it
   * without saying; pass it for the rest (its tokens, grants, assignments).
   */
  serviceAccountId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Writes one audit event. Takes the transaction of the change it describes,
 * so the change and its record commit together or not at all. The database
 * numbers and hash-chains the row (prisma/sql/001_audit_events.sql). Never
 * put a secret (password, token) in `before` or `after`.
 */
export async function recordAuditEvent(tx: DbTx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: entry.orgId,
      actorKind: context.actor.kind,
      actorId: context.actor.id,
      actorLabel: context.actor.label,
      actorTokenId: context.actor.token?.id ?? null,
      actorTokenPrefix: context.actor.token?.prefix ?? null,
      action: entry.action,
      targetKind: entry.target?.kind ?? null,
      targetId: entry.target?.id ?? null,
      serviceAccountId: entry.serviceAccountId ?? concernedServiceAccount(context, entry),
      before: entry.before,
      after: entry.after,
      ip: context.ip,
      userAgent: context.userAgent,
      requestId: context.requestId,
    },
    select: { id: true },
  });
}

function concernedServiceAccount(context: AuditContext, entry: AuditEntry): string | null {
  if (entry.target?.kind === "service_account") return entry.target.id;
  if (context.actor.kind === "SERVICE_ACCOUNT") return context.actor.id;
  return null;
}
