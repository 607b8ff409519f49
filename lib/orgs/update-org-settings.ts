import "server-only";
import { db } from "@/lib/db/prisma";
import type { AuditContext } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export type OrgSettings = { defaultRateLimitPerMinute: number | null };

export async function getOrgSettings({ orgId }: { orgId: string }): Promise<OrgSettings> {
  return db().organization.findUniqueOrThrow({ where: { id: orgId }, select: { defaultRateLimitPerMinute: true } });
}

/** The rate limit for tokens that have none of their own (null: unlimited). */
export async function updateOrgSettings({ orgId, input, audit }: { orgId: string; input: OrgSettings; audit: AuditContext }): Promise<OrgSettings> {
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { defaultRateLimitPerMinute: true } });
    const after = await tx.organization.update({ where: { id: orgId }, data: input, select: { defaultRateLimitPerMinute: true } });
    await recordAuditEvent(tx, audit, { orgId, action: "org.settings.update", target: { kind: "org", id: orgId }, before, after });
    return after;
  });
}
