import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenPrincipal } from "@/lib/principal";

/** Who holds grants: a service account, or an org-wide token (which has no account). */
export type Grantee = { serviceAccountId: string } | { tokenId: string };

export function granteeOf(principal: TokenPrincipal): Grantee {
  return principal.serviceAccount ? { serviceAccountId: principal.serviceAccount.id } : { tokenId: principal.tokenId };
}

export function granteeWhere(grantee: Grantee): Prisma.GrantWhereInput {
  return "serviceAccountId" in grantee ? { serviceAccountId: grantee.serviceAccountId } : { tokenId: grantee.tokenId };
}
