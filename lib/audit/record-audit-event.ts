import type { AuditContext } from "@/lib/auth/principal";
import type { DbTx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  orgId: string;
  action: string;
  target?: { kind: string; id: string };
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Writes one audit event. Takes the transaction of the change it describes,
 * so the change and its record commit together or not at all. Never put a
 * secret (password, token) in `before` or `after`.
 */
export async function recordAuditEvent(tx: DbTx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: entry.orgId,
      actorKind: context.actor.kind,
      actorId: context.actor.id,
      actorLabel: context.actor.label,
      action: entry.action,
      targetKind: entry.target?.kind ?? null,
      targetId: entry.target?.id ?? null,
      before: entry.before,
      after: entry.after,
      ip: context.ip,
      userAgent: context.userAgent,
      requestId: context.requestId,
    },
  });
}
