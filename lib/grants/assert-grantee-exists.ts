import type { DbTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import type { Grantee } from "@/lib/grants/grantee";

/** The account, or the org-wide token, must be this organization's (an account's token cannot hold grants of its own). */
export async function assertGranteeExists(tx: DbTx, orgId: string, grantee: Grantee): Promise<void> {
  const found =
    "serviceAccountId" in grantee
      ? await tx.serviceAccount.findFirst({ where: { id: grantee.serviceAccountId, orgId }, select: { id: true } })
      : await tx.serviceToken.findFirst({ where: { id: grantee.tokenId, orgId, orgWide: true }, select: { id: true } });
  if (!found) throw notFound("serviceAccountId" in grantee ? "Service account" : "Token");
}
