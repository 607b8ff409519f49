"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

type Org = { slug: string; name: string };

const MAIN = [
  { href: "", label: "Overview", admin: false },
  { href: "/service-accounts", label: "Service Accounts", admin: true },
  { href: "/toolsets", label: "Toolsets", admin: true },
  { href: "/mcp-servers", label: "MCP Servers", admin: true },
  { href: "/activity", label: "Activity", admin: true },
  { href: "/audit-log", label: "Audit Log", admin: true },
  // A reference page: not worth a prefetch on every page view.
  { href: "/api-reference", label: "API reference", admin: false, prefetch: false },
];
const SETTINGS = [
  { href: "/settings/members", label: "Members" },
  { href: "/settings/groups", label: "Groups" },
  { href: "/settings/service-tokens", label: "Service Tokens" },
  { href: "/settings/network", label: "Network access" },
  { href: "/settings/retention", label: "Data retention" },
];

export function Sidebar({ org, orgs, user, canManage }: { org: Org; orgs: Org[]; user: { email: string; name: string }; canManage: boolean }) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/${org.slug}`;
  const link = (href: string, label: string, prefetch?: boolean) => {
    const target = base + href;
    const active = href === "" ? pathname === base : pathname.startsWith(target);
    return (
      <li key={href}>
        <Link
          href={target}
          prefetch={prefetch}
          aria-current={active ? "page" : undefined}
          className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {label}
        </Link>
      </li>
    );
  };
  return (
    <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white p-4">
      <div className="mb-6">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Control Room</p>
        {orgs.length > 1 ? (
          <>
            <label htmlFor="org-switcher" className="sr-only">
              Organization
            </label>
            <select
              id="org-switcher"
              value={org.slug}
              onChange={(e) => router.push(`/${e.target.value}`)}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium"
            >
              {orgs.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="mt-1 text-base font-semibold">{org.name}</p>
        )}
      </div>
      <nav aria-label="Main" className="flex-1 space-y-6">
        <ul className="space-y-0.5">{MAIN.filter((item) => canManage || !item.admin).map((item) => link(item.href, item.label, item.prefetch))}</ul>
        {canManage ? (
          <div>
            <p className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Settings</p>
            <ul className="space-y-0.5">{SETTINGS.map((item) => link(item.href, item.label))}</ul>
          </div>
        ) : null}
      </nav>
      <div className="border-t border-slate-200 pt-4">
        <p className="truncate text-sm font-medium" title={user.email}>
          {user.name}
        </p>
        <p className="truncate text-xs text-slate-500">{user.email}</p>
        <Button variant="ghost" size="sm" className="mt-2 -ml-2.5" onClick={() => signOut({ callbackUrl: "/login" })}>
          Sign out
        </Button>
      </div>
    </aside>
  );
}
