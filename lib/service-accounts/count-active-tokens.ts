import type { DbTx } from "@/lib/db/prisma";

/** Live (neither revoked nor expired) tokens per account, for a page of accounts in one query; a disabled account's are suspended. */
export async function countActiveTokens(tx: DbTx, orgId: string, serviceAccountIds: string[], now = new Date()): Promise<Map<string, number>> {
  if (!serviceAccountIds.length) return new Map();
  const groups = await tx.serviceToken.groupBy({
    by: ["serviceAccountId"],
    where: { orgId, serviceAccountId: { in: serviceAccountIds }, revokedAt: null, expiresAt: { gt: now } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.serviceAccountId!, g._count._all]));
}
