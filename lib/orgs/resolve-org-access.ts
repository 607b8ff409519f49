import { db } from "@/lib/db/prisma";
import { invalidToken } from "@/lib/errors";
import type { OrgAccess, Principal } from "@/lib/principal";
import { getOrgAccess } from "@/lib/orgs/get-org-access";
import { annotateCurrentRequest } from "@/lib/ops/access-log-context";
import { principalLogFields } from "@/lib/ops/principal-log-fields";

/**
 * The caller inside the organization named by the URL, or null (→ 404) when a
 * person is not a member or it does not exist. A token is valid only for its
 * own organization: anywhere else it is the same 401 as any bad token.
 */
export async function resolveOrgAccess({ slug, principal }: { slug: string; principal: Principal }): Promise<OrgAccess | null> {
  if (principal.kind === "user") return getOrgAccess({ slug, principal });
  annotateCurrentRequest({ ...principalLogFields(principal), orgSlug: slug });
  const org = await db().organization.findFirst({ where: { slug, id: principal.orgId }, select: { id: true, slug: true, name: true } });
  if (!org) throw invalidToken();
  return { org, principal, role: null };
}
