import { Sidebar } from "@/components/shell/sidebar";
import { requireOrgPage } from "@/lib/auth/require-org-page";
import { canManageOrg } from "@/lib/auth/permissions";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const orgs = await listUserOrgs({ userId: access.principal.userId });
  return (
    <div className="flex min-h-screen">
      <Sidebar
        org={{ slug: access.org.slug, name: access.org.name }}
        orgs={orgs.map(({ slug, name }) => ({ slug, name }))}
        user={{ email: access.principal.email, name: access.principal.name }}
        canManage={canManageOrg(access.role)}
      />
      <main className="flex-1 overflow-x-auto p-8">{children}</main>
    </div>
  );
}
