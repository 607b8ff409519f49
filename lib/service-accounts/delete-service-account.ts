import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { serviceAccountSnapshot } from "@/lib/service-accounts/service-account-view";

/**
 * Deletes the account. Its tokens are revoked first and kept (detached from
 * the account) so the audit trail still shows what existed.
 */
export async function deleteServiceAccount({
  orgId,
  serviceAccountId,
  actorUserId,
  audit,
}: OrgChange<{ serviceAccountId: string; actorUserId: string }>): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const account = await tx.serviceAccount.findFirst({
      where: { id: serviceAccountId, orgId },
      select: { id: true, name: true, description: true, status: true, accessMode: true },
    });
    if (!account) throw notFound("Service account");
    const live = await tx.serviceToken.findMany({
      where: { orgId, serviceAccountId, revokedAt: null },
      select: { prefix: true },
    });
    await tx.serviceToken.updateMany({
      where: { orgId, serviceAccountId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: actorUserId },
    });
    await tx.serviceAccount.delete({ where: { id: account.id } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_account.delete",
      target: { kind: "service_account", id: account.id },
      before: { ...serviceAccountSnapshot(account), accessMode: account.accessMode },
      after: { revokedTokens: live.map((t) => t.prefix) },
    });
  });
}
