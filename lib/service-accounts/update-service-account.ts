import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { countActiveTokens } from "@/lib/service-accounts/count-active-tokens";
import type { UpdateServiceAccountInput } from "@/lib/service-accounts/contract";
import {
  serviceAccountSelect,
  serviceAccountSnapshot,
  toServiceAccountView,
  type ServiceAccountView,
} from "@/lib/service-accounts/service-account-view";

/**
 * Renames, describes, disables or enables an account. Disabling stops every
 * token of the account at the next request (verification reads the status);
 * enabling brings back the tokens that are neither revoked nor expired.
 */
export async function updateServiceAccount({
  orgId,
  serviceAccountId,
  input,
  actorUserId,
  audit,
}: OrgChange<{ serviceAccountId: string; input: UpdateServiceAccountInput; actorUserId: string }>): Promise<ServiceAccountView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: serviceAccountSelect });
    if (!before) throw notFound("Service account");
    const statusChange = input.status && input.status !== before.status ? input.status : null;
    const after = await tx.serviceAccount.update({
      where: { id: before.id },
      data: {
        name: input.name,
        description: input.description,
        ...(statusChange === "DISABLED" ? { status: "DISABLED", disabledAt: new Date(), disabledById: actorUserId } : {}),
        ...(statusChange === "ACTIVE" ? { status: "ACTIVE", disabledAt: null, disabledById: null } : {}),
      },
      select: serviceAccountSelect,
    });
    const target = { kind: "service_account", id: before.id };
    const renamed = after.name !== before.name || after.description !== before.description;
    if (renamed) {
      await recordAuditEvent(tx, audit, {
        orgId,
        action: "service_account.update",
        target,
        before: { name: before.name, description: before.description },
        after: { name: after.name, description: after.description },
      });
    }
    if (statusChange) {
      await recordAuditEvent(tx, audit, {
        orgId,
        action: statusChange === "DISABLED" ? "service_account.disable" : "service_account.enable",
        target,
        before: serviceAccountSnapshot(before),
        after: serviceAccountSnapshot(after),
      });
    }
    const counts = await countActiveTokens(tx, orgId, [after.id]);
    return toServiceAccountView(after, counts.get(after.id) ?? 0);
  });
}
