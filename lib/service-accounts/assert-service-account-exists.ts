import { forOrg } from "@/lib/db/for-org";
import type { DbTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";

/** The account must exist in this organization; anything else, another organization's included, is 404. */
export async function assertServiceAccountExists({ orgId, serviceAccountId, tx = forOrg(orgId) }: { orgId: string; serviceAccountId: string; tx?: DbTx }): Promise<void> {
  const account = await tx.serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: { id: true } });
  if (!account) throw notFound("Service account");
}
