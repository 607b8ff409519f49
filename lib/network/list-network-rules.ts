import "server-only";
import { db } from "@/lib/db/prisma";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";
import type { NetworkRuleView } from "@/lib/network/contract";
export type { NetworkRuleView } from "@/lib/network/contract";

/** One layer's entries: the organization's (serviceAccountId null) or one account's. */
export async function listNetworkRules({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string | null }): Promise<{ items: NetworkRuleView[] }> {
  if (serviceAccountId) await assertServiceAccountExists({ orgId, serviceAccountId });
  const rules = await db().networkRule.findMany({ where: { orgId, serviceAccountId }, orderBy: { createdAt: "asc" } });
  return { items: rules.map((r) => ({ id: r.id, cidr: r.cidr, label: r.label, createdAt: r.createdAt.toISOString() })) };
}
