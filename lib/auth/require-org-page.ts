import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import { canManageOrg } from "@/lib/auth/permissions";
import type { PersonOrgAccess } from "@/lib/principal";
import { getOrgAccess } from "@/lib/orgs/get-org-access";

/**
 * For Control Room pages: the signed-in person's access to the organization.
 * Not signed in → /login; not a member (or no such org) → 404; a page for
 * admins opened by a MEMBER → 403.
 */
export async function requireOrgPage(orgSlug: string, { manage = false } = {}): Promise<PersonOrgAccess> {
  const access = await loadPersonOrgAccess(orgSlug);
  if (manage && !canManageOrg(access.role)) forbidden();
  return access;
}

// The layout and the page of one request both ask; React's cache answers once.
const loadPersonOrgAccess = cache(async (orgSlug: string): Promise<PersonOrgAccess> => {
  const principal = await getSessionPrincipal();
  if (!principal) redirect(`/login?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
  const access = await getOrgAccess({ slug: orgSlug, principal });
  if (!access) notFound();
  return access;
});
