import type { OrgAccess } from "@/lib/principal";

/** What `whoami` answers: the organization and the identity behind the credential, nothing secret. */
export function describeCaller({ org, principal, role }: OrgAccess) {
  const organization = { id: org.id, slug: org.slug, name: org.name };
  if (principal.kind === "user") {
    return { organization, type: "user" as const, user: { id: principal.userId, email: principal.email, name: principal.name }, role };
  }
  return {
    organization,
    type: principal.serviceAccount ? ("service_account" as const) : ("org_token" as const),
    token: { id: principal.tokenId, prefix: principal.tokenPrefix },
    serviceAccount: principal.serviceAccount,
  };
}
