import type { DbTx } from "@/lib/db/prisma";

/**
 * Locks the organization's OWNER memberships for the rest of the transaction
 * and returns their user ids. Two owners demoting each other at the same time
 * then run one after the other, and the second sees it would leave none.
 */
export async function lockOwners(tx: DbTx, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId"::text AS "userId" FROM "Membership"
    WHERE "orgId" = ${orgId}::uuid AND role = 'OWNER' FOR UPDATE`;
  return rows.map((r) => r.userId);
}
