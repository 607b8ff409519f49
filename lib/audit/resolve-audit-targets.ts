import "server-only";
import { db } from "@/lib/db/prisma";
import type { AuditEventView } from "@/lib/audit/audit-event-view";

export type ResolvedTarget = { name: string; serviceAccountId?: string | null; orgWide?: boolean };

/**
 * The current names of a page of events' targets that still exist, one query
 * per kind, inside the organization only. A target missing from the map was
 * deleted (or was never the organization's): it gets no link.
 */
export async function resolveAuditTargets(orgId: string, events: AuditEventView[]): Promise<Map<string, ResolvedTarget>> {
  const ids = (kind: string) => [...new Set(events.filter((e) => e.target?.kind === kind && e.target.id).map((e) => e.target!.id!))];
  const uuid = /^[0-9a-f-]{36}$/i;
  const of = (kind: string) => ids(kind).filter((id) => uuid.test(id));
  const [accounts, tokens, toolsets, servers, groups, members] = await Promise.all([
    of("service_account").length ? db().serviceAccount.findMany({ where: { orgId, id: { in: of("service_account") } }, select: { id: true, name: true } }) : [],
    of("service_token").length
      ? db().serviceToken.findMany({ where: { orgId, id: { in: of("service_token") } }, select: { id: true, name: true, prefix: true, serviceAccountId: true, orgWide: true } })
      : [],
    of("toolset").length ? db().toolset.findMany({ where: { orgId, id: { in: of("toolset") } }, select: { id: true, name: true } }) : [],
    of("mcp_server").length ? db().mcpServer.findMany({ where: { orgId, id: { in: of("mcp_server") } }, select: { id: true, name: true } }) : [],
    of("group").length ? db().group.findMany({ where: { orgId, id: { in: of("group") } }, select: { id: true, name: true } }) : [],
    of("user").length ? db().membership.findMany({ where: { orgId, userId: { in: of("user") } }, select: { userId: true, user: { select: { name: true } } } }) : [],
  ]);
  const map = new Map<string, ResolvedTarget>();
  for (const a of accounts) map.set(`service_account:${a.id}`, { name: a.name });
  for (const t of tokens) map.set(`service_token:${t.id}`, { name: t.name ? `${t.prefix}… (${t.name})` : `${t.prefix}…`, serviceAccountId: t.serviceAccountId, orgWide: t.orgWide });
  for (const t of toolsets) map.set(`toolset:${t.id}`, { name: t.name });
  for (const s of servers) map.set(`mcp_server:${s.id}`, { name: s.name });
  for (const g of groups) map.set(`group:${g.id}`, { name: g.name });
  for (const m of members) map.set(`user:${m.userId}`, { name: m.user.name });
  return map;
}
