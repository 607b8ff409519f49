import { forOrg } from "@/lib/db/for-org";
import type { TokenPrincipal } from "@/lib/principal";
import type { GrantLevel, ResourceType } from "@/lib/generated/prisma/enums";
import { granteeOf, granteeWhere } from "@/lib/grants/grantee";

export type Level = "NONE" | GrantLevel;

/** WRITE includes READ. */
export function levelAllows(held: Level, needed: GrantLevel): boolean {
  return held === "WRITE" || (held === "READ" && needed === "READ");
}

/** A token's level on one resource: Full Access is Write on everything of its organization. */
export async function resourceLevel({ principal, resourceType, resourceId }: { principal: TokenPrincipal; resourceType: ResourceType; resourceId: string }): Promise<Level> {
  if (principal.accessMode === "FULL_ACCESS") return "WRITE";
  const grant = await forOrg(principal.orgId).grant.findFirst({
    where: { orgId: principal.orgId, resourceType, resourceId, ...granteeWhere(granteeOf(principal)) },
    select: { level: true },
  });
  return grant?.level ?? "NONE";
}

/** Ids of the resources of one type a token may at least read; null means all of them (Full Access). */
export async function readableResourceIds({ principal, resourceType }: { principal: TokenPrincipal; resourceType: ResourceType }): Promise<string[] | null> {
  if (principal.accessMode === "FULL_ACCESS") return null;
  const grants = await forOrg(principal.orgId).grant.findMany({
    where: { orgId: principal.orgId, resourceType, ...granteeWhere(granteeOf(principal)) },
    select: { resourceId: true },
  });
  return grants.map((g) => g.resourceId);
}
