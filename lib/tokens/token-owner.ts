import type { DbTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";

/** Whose tokens: one service account's, or the organization's own (org-wide). */
export type TokenOwner = { serviceAccountId: string } | { orgWide: true };

/** The `where` fragment selecting the owner's tokens inside the organization. */
export function ownerWhere(orgId: string, owner: TokenOwner) {
  return "orgWide" in owner ? { orgId, orgWide: true } : { orgId, serviceAccountId: owner.serviceAccountId };
}

/** A service account owner must exist in this organization; anything else is 404. */
export async function assertOwnerExists(tx: DbTx, orgId: string, owner: TokenOwner): Promise<void> {
  if ("orgWide" in owner) return;
  const account = await tx.serviceAccount.findFirst({ where: { id: owner.serviceAccountId, orgId }, select: { id: true } });
  if (!account) throw notFound("Service account");
}
