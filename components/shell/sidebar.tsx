"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { SignOutEverywhere } from "@/components/shell/sign-out-everywhere";

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

type SidebarProps = { org: Org; orgs: Org[]; user: { email: string; name: string }; canManage: boolean };

/**
 * The navigation: a sidebar from 768 px up; below that a top bar with a Menu
 * button that opens the same navigation in a drawer (a modal <dialog>: focus
 * trapped, Escape closes, closed again on navigation).
 */
export function Sidebar(props: SidebarProps) {
  const [open, setOpen] = useState(false);
  const drawer = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // A link followed from the drawer lands on a new page: close it there.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  return (
    <>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white p-4 md:flex">
        <SidebarContent {...props} />
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        <p className="min-w-0 truncate text-sm font-semibold">{props.org.name}</p>
        <Button variant="secondary" size="sm" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
          Menu
        </Button>
      </header>
      <dialog
        ref={drawer}
        aria-label="Navigation"
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog box itself, outside its content) closes it.
          if (event.target === drawer.current) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 backdrop:bg-slate-900/40 md:hidden"
      >
        {open ? (
          <div className="flex h-full flex-col p-4">
            <div className="mb-2 flex justify-end">
              <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
                Close menu
              </Button>
            </div>
            <SidebarContent {...props} />
          </div>
        ) : null}
      </dialog>
    </>
  );
}

function SidebarContent({ org, orgs, user, canManage }: SidebarProps) {
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
    <>
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
        <div className="mt-2 flex flex-wrap gap-x-2">
          <Button variant="ghost" size="sm" className="-ml-2.5" onClick={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </Button>
          <SignOutEverywhere />
        </div>
      </div>
    </>
  );
}
