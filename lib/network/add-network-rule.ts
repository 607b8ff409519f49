import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { NetworkRuleView } from "@/lib/network/list-network-rules";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";

export async function addNetworkRule({
  orgId,
  serviceAccountId,
  cidr,
  label,
  audit,
}: OrgChange<{ serviceAccountId: string | null; cidr: string; label: string }>): Promise<NetworkRuleView> {
  return db().$transaction(async (tx) => {
    if (serviceAccountId) await assertServiceAccountExists({ orgId, serviceAccountId, tx });
    if (await tx.networkRule.findFirst({ where: { orgId, serviceAccountId, cidr }, select: { id: true } })) {
      throw new AppError("conflict", `${cidr} is already on this allowlist`, { fields: [{ field: "cidr", message: "Already on this allowlist" }] });
    }
    const rule = await tx.networkRule.create({ data: { orgId, serviceAccountId, cidr, label } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "network_rule.add",
      target: serviceAccountId ? { kind: "service_account", id: serviceAccountId } : { kind: "org", id: orgId },
      after: { cidr, label, layer: serviceAccountId ? "service_account" : "organization" },
    });
    return { id: rule.id, cidr: rule.cidr, label: rule.label, createdAt: rule.createdAt.toISOString() };
  });
}
