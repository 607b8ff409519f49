import type { DbTx } from "@/lib/db/prisma";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";

/** Whose tokens: one service account's, or the organization's own (org-wide). */
export type TokenOwner = { serviceAccountId: string } | { orgWide: true };

/** The `where` fragment selecting the owner's tokens inside the organization. */
export function ownerWhere(orgId: string, owner: TokenOwner) {
  return "orgWide" in owner ? { orgId, orgWide: true } : { orgId, serviceAccountId: owner.serviceAccountId };
}

/** A service account owner must exist in this organization; anything else is 404. */
export async function assertOwnerExists(tx: DbTx, orgId: string, owner: TokenOwner): Promise<void> {
  if ("orgWide" in owner) return;
  await assertServiceAccountExists({ orgId, serviceAccountId: owner.serviceAccountId, tx });
}
