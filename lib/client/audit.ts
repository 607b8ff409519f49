"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, queryString, type Page } from "@/lib/client/api";
import { resourceCache } from "@/lib/client/resource-keys";
import { usePagedList } from "@/lib/client/resource-queries";
import type { AuditEventView, AuditExportFormat, ChainVerification } from "@/lib/audit/contract";

export type AuditEvent = AuditEventView;
export type AuditActorKind = AuditEvent["actor"]["kind"];
export type { ChainVerification };
export type { AuditExportFormat };

/**
 * The page's filters, as the API takes them; "" is "any". `from` and `to` are
 * ISO 8601 instants in UTC (from inclusive, to exclusive).
 */
export type AuditLogFilters = {
  actor: string;
  actorKind: AuditActorKind | "";
  action: string;
  targetKind: string;
  targetId: string;
  serviceAccountId: string;
  from: string;
  to: string;
};

export const AUDIT_FILTER_NAMES = ["actor", "actorKind", "action", "targetKind", "targetId", "serviceAccountId", "from", "to"] as const satisfies readonly (keyof AuditLogFilters)[];

export const NO_AUDIT_FILTERS: AuditLogFilters = { actor: "", actorKind: "", action: "", targetKind: "", targetId: "", serviceAccountId: "", from: "", to: "" };

export const AUDIT_ACTOR_KIND_LABELS: Record<AuditActorKind, string> = {
  USER: "Person",
  SERVICE_ACCOUNT: "Service account",
  TOKEN: "Org-wide token",
  SYSTEM: "System",
};

/** The kinds of object events are about, as `targetKind` names them. */
export const AUDIT_TARGET_KIND_LABELS: Record<string, string> = {
  service_account: "Service account",
  service_token: "Service token",
  toolset: "Toolset",
  mcp_server: "MCP server",
  group: "Group",
  user: "Person",
  org: "Organization",
};

export const auditKeys = {
  all: (org: string) => ["orgs", org, "audit-events"] as const,
  lists: (org: string) => [...auditKeys.all(org), "list"] as const,
  list: (org: string, filters: AuditLogFilters) => [...auditKeys.lists(org), filters] as const,
};

/** What the audit page's actions make stale, in one place (the events themselves change only on the server). */
export const auditCache = {
  /** After a chain verification: every event list, so what is on screen is what was just verified. */
  verified: (queryClient: QueryClient, org: string) => resourceCache.stale(queryClient, auditKeys.lists(org)),
};

export const auditEventsPath = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/audit-events`;

/** The download of the events the filters select, newest first. A plain link works: the export is a cookie-authenticated GET. */
export function auditExportUrl(org: string, filters: AuditLogFilters, format: AuditExportFormat): string {
  return `${auditEventsPath(org)}/export${queryString({ format, ...filters })}`;
}

/** The organization's audit events matching the filters, newest first, 50 at a time. */
export function useAuditEvents(org: string, filters: AuditLogFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return usePagedList<Page<AuditEvent>>({ queryKey: auditKeys.list(org, filters), path: auditEventsPath(org), params: filters, enabled });
}

/**
 * Walks the hash chain on the server, on demand: a mutation, because each click
 * should verify again rather than show a cached answer. The list is refetched
 * too, so what is on screen is what was just verified.
 */
export function useVerifyAuditChain(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ChainVerification>(`${auditEventsPath(org)}/verify`),
    onSuccess: () => auditCache.verified(queryClient, org),
  });
}
