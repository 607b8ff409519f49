import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import { countActiveTokens } from "@/lib/service-accounts/count-active-tokens";
import { serviceAccountSelect, toServiceAccountView, type ServiceAccountView } from "@/lib/service-accounts/service-account-view";

export async function getServiceAccount({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string }): Promise<ServiceAccountView> {
  const account = await forOrg(orgId).serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: serviceAccountSelect });
  if (!account) throw notFound("Service account");
  const counts = await countActiveTokens(forOrg(orgId), orgId, [account.id]);
  return toServiceAccountView(account, counts.get(account.id) ?? 0);
}
