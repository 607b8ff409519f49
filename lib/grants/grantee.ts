import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenPrincipal } from "@/lib/principal";
import type { Grantee } from "@/lib/grants/contract";
export type { Grantee } from "@/lib/grants/contract";

export function granteeOf(principal: TokenPrincipal): Grantee {
  return principal.serviceAccount ? { serviceAccountId: principal.serviceAccount.id } : { tokenId: principal.tokenId };
}

export function granteeWhere(grantee: Grantee): Prisma.GrantWhereInput {
  return "serviceAccountId" in grantee ? { serviceAccountId: grantee.serviceAccountId } : { tokenId: grantee.tokenId };
}
