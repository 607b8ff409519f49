import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CreateServiceAccountInput } from "@/lib/service-accounts/contract";
import {
  serviceAccountSelect,
  serviceAccountSnapshot,
  toServiceAccountView,
  type ServiceAccountView,
} from "@/lib/service-accounts/service-account-view";

/** A new account is ACTIVE, RESTRICTED, and has no credentials until a token is minted. */
export async function createServiceAccount({
  orgId,
  input,
  createdById,
  audit,
}: OrgChange<{ input: CreateServiceAccountInput; createdById: string }>): Promise<ServiceAccountView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const account = await tx.serviceAccount.create({
      data: { orgId, name: input.name, description: input.description, createdById },
      select: serviceAccountSelect,
    });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_account.create",
      target: { kind: "service_account", id: account.id },
      after: { ...serviceAccountSnapshot(account), accessMode: account.accessMode },
    });
    return toServiceAccountView(account, 0);
  });
}
