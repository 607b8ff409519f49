import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { requireOrgPage } from "@/lib/auth/require-org-page";
import { canManageOrg } from "@/lib/auth/permissions";
import { getOrgOverview } from "@/lib/orgs/get-org-overview";
import { listMyToolsets } from "@/lib/toolsets/list-my-toolsets";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Overview" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The admin's start page: what needs attention first, then the organization's size. */
export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const slug = access.org.slug;
  const role = access.role.charAt(0) + access.role.slice(1).toLowerCase();
  if (!canManageOrg(access.role)) {
    const toolsets = await listMyToolsets({ orgId: access.org.id, userId: access.principal.userId });
    return (
      <>
        <PageHeader title={access.org.name} description={`Organization overview · /${slug} · your role: ${role}`} />
        <section aria-labelledby="my-toolsets-heading" className="max-w-3xl">
          <h2 id="my-toolsets-heading" className="mb-3 text-lg font-semibold">
            Your toolsets
          </h2>
          {toolsets.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
              No toolset is assigned to you or your groups yet; ask an admin for the tools you need.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {toolsets.map((t) => (
                <li key={t.id} className="px-4 py-3">
                  <p className="font-medium text-slate-900">{t.name}</p>
                  {t.description ? <p className="text-sm text-slate-600">{t.description}</p> : null}
                  {t.toolCount === 0 ? (
                    <p className="text-sm text-slate-600">No tools yet</p>
                  ) : (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-slate-700">{plural(t.toolCount, "tool")}</summary>
                      <ul className="mt-1 space-y-0.5 pl-4">
                        {t.tools.map((tool) => (
                          <li key={tool.name} className="break-all text-slate-700">
                            <code className="font-mono text-xs">{tool.name}</code>
                            {tool.title ? <span className="text-slate-500"> · {tool.title}</span> : null}
                          </li>
                        ))}
                        {t.toolCount > t.tools.length ? <li className="text-slate-500">and {t.toolCount - t.tools.length} more</li> : null}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  }
  const overview = await getOrgOverview({ orgId: access.org.id });
  const warningDays = env().TOKEN_EXPIRY_WARNING_DAYS;
  const attention = [
    // Account tokens are listed under Service Accounts, org-wide ones under Service Tokens: each count links to its own list.
    ...[
      { key: "", noun: "token", expiring: overview.expiringTokenCount, expired: overview.expiredTokenCount, list: (f: string) => `service-accounts?tokens=${f}` },
      { key: "-org-wide", noun: "org-wide token", expiring: overview.expiringOrgWideTokenCount, expired: overview.expiredOrgWideTokenCount, list: (f: string) => `settings/service-tokens?status=${f}` },
    ].flatMap((tokens) => [
      tokens.expiring > 0 && {
        key: `expiring${tokens.key}`,
        href: `/${slug}/${tokens.list("expiring")}`,
        text: `${plural(tokens.expiring, tokens.noun)} expiring within ${warningDays} days`,
        hint: "Roll them before they stop working.",
      },
      tokens.expired > 0 && {
        key: `expired${tokens.key}`,
        href: `/${slug}/${tokens.list("expired")}`,
        text: `${plural(tokens.expired, tokens.noun)} expired in the last 30 days`,
        hint: "Anything still using them gets 401.",
      },
    ]),
    ...overview.unhealthyServers.map((server) => ({
      key: `server-${server.id}`,
      href: `/${slug}/mcp-servers/${server.id}`,
      text: `MCP server ${server.name} is failing`,
      hint: server.lastError ?? "Its last sync failed.",
    })),
    overview.deniedCallCount > 0 && {
      key: "denied",
      href: `/${slug}/activity`,
      text: `${plural(overview.deniedCallCount, "denied call")} in the last 24 hours`,
      hint: "A bot asked for a tool it may not use.",
    },
  ].filter((item): item is { key: string; href: string; text: string; hint: string } => Boolean(item));

  const stats = [
    { label: "Service accounts", value: overview.serviceAccountCount, href: `/${slug}/service-accounts` },
    { label: "Toolsets", value: overview.toolsetCount, href: `/${slug}/toolsets` },
    { label: "MCP servers", value: overview.mcpServerCount, href: `/${slug}/mcp-servers` },
    { label: "Members", value: overview.memberCount, href: `/${slug}/settings/members` },
    { label: "Groups", value: overview.groupCount, href: `/${slug}/settings/groups` },
  ];
  return (
    <>
      <PageHeader title={access.org.name} description={`Organization overview · /${slug} · your role: ${role}`} />
      <section aria-labelledby="attention-heading" className="mb-8 max-w-3xl">
        <h2 id="attention-heading" className="mb-3 text-lg font-semibold">
          Needs attention
        </h2>
        {attention.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">Nothing right now: no token expires soon, every upstream is healthy.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-amber-200 bg-white">
            {attention.map((item) => (
              <li key={item.key} className="px-4 py-3">
                <Link href={item.href} className="font-medium text-indigo-700 hover:underline">
                  {item.text}
                </Link>
                <p className="text-sm break-words text-slate-600">{item.hint}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <dl className="grid max-w-5xl grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {stats.map((s) => (
          <Stat key={s.label} label={s.label} value={s.value} href={s.href} />
        ))}
      </dl>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5">
      <dt className="text-sm text-slate-600">{href ? <Link href={href} className="hover:underline">{label}</Link> : label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
