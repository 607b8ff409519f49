import { db } from "@/lib/db/prisma";
import type { PersonOrgAccess, UserPrincipal } from "@/lib/principal";
import { annotateCurrentRequest } from "@/lib/ops/access-log-context";
import { principalLogFields } from "@/lib/ops/principal-log-fields";

/**
 * The principal's standing in the organization with this slug, or null when
 * the organization does not exist or the principal is not a member: callers
 * answer both with 404, so nobody learns which organizations exist.
 */
export async function getOrgAccess({ slug, principal }: { slug: string; principal: UserPrincipal }): Promise<PersonOrgAccess | null> {
  // Every page and API call of a person passes here: the access log learns who it was.
  annotateCurrentRequest({ orgSlug: slug, ...principalLogFields(principal) });
  const membership = await db().membership.findFirst({
    where: { userId: principal.userId, org: { slug } },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  return membership ? { org: membership.org, principal, role: membership.role } : null;
}
