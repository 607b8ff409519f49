import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { requireOrgPage } from "@/lib/auth/require-org-page";
import { getOrgOverview } from "@/lib/orgs/get-org-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const overview = await getOrgOverview({ orgId: access.org.id });
  const stats = [
    { label: "Members", value: overview.memberCount },
    { label: "Groups", value: overview.groupCount },
    { label: "Your role", value: access.role.charAt(0) + access.role.slice(1).toLowerCase() },
  ];
  return (
    <>
      <PageHeader title={access.org.name} description={`Organization overview · /${access.org.slug}`} />
      <dl className="grid max-w-3xl gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-slate-200 bg-white p-5">
            <dt className="text-sm text-slate-600">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{s.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-8 max-w-2xl text-sm text-slate-600">
        Service accounts, toolsets and MCP servers arrive in the next releases; their sections in the sidebar say what will live there.
      </p>
    </>
  );
}
