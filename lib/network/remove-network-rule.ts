import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export async function removeNetworkRule({ orgId, serviceAccountId, ruleId, audit }: { orgId: string; serviceAccountId: string | null; ruleId: string; audit: AuditContext }): Promise<void> {
  await db().$transaction(async (tx) => {
    const rule = await tx.networkRule.findFirst({ where: { id: ruleId, orgId, serviceAccountId } });
    if (!rule) throw notFound("Allowlist entry");
    await tx.networkRule.delete({ where: { id: rule.id } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "network_rule.remove",
      target: serviceAccountId ? { kind: "service_account", id: serviceAccountId } : { kind: "org", id: orgId },
      before: { cidr: rule.cidr, label: rule.label, layer: serviceAccountId ? "service_account" : "organization" },
    });
  });
}
