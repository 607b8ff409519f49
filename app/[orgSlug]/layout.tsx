import { FocusHeadingOnNavigation } from "@/components/shell/focus-heading-on-navigation";
import { Sidebar } from "@/components/shell/sidebar";
import { requireOrgPage } from "@/lib/auth/require-org-page";
import { canManageOrg } from "@/lib/auth/permissions";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const orgs = await listUserOrgs({ userId: access.principal.userId });
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <Sidebar
        org={{ slug: access.org.slug, name: access.org.name }}
        orgs={orgs.map(({ slug, name }) => ({ slug, name }))}
        user={{ email: access.principal.email, name: access.principal.name }}
        canManage={canManageOrg(access.role)}
      />
      {/* min-w-0: a wide table scrolls inside its own box instead of widening the page. */}
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none sm:p-6 lg:p-8">
        <FocusHeadingOnNavigation />
        {children}
      </main>
    </div>
  );
}
