import type { CatalogChanges } from "@/lib/mcp/contract";
import type { McpServerView } from "@/lib/mcp-servers/contract";
export type { McpServerView } from "@/lib/mcp-servers/contract";

export const mcpServerSelect = {
  id: true,
  name: true,
  slug: true,
  url: true,
  builtin: true,
  headerNames: true,
  timeoutMs: true,
  enabled: true,
  health: true,
  lastError: true,
  lastErrorAt: true,
  lastSyncedAt: true,
  lastSyncChanges: true,
  protocolVersion: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tools: true } },
} as const;

/** The selected row: the view's fields, with dates and the catalog changes as the database holds them. */
type Row = Omit<McpServerView, "lastErrorAt" | "lastSyncedAt" | "lastSyncChanges" | "toolCount" | "createdAt" | "updatedAt"> & {
  lastErrorAt: Date | null;
  lastSyncedAt: Date | null;
  lastSyncChanges: unknown;
  createdAt: Date;
  updatedAt: Date;
  _count: { tools: number };
};

export function toMcpServerView(row: Row): McpServerView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    url: row.url,
    builtin: row.builtin,
    headerNames: row.headerNames,
    timeoutMs: row.timeoutMs,
    enabled: row.enabled,
    health: row.health,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastSyncChanges: (row.lastSyncChanges as CatalogChanges | null) ?? null,
    protocolVersion: row.protocolVersion,
    toolCount: row._count.tools,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit snapshot: settings and header names, never header values. */
export const mcpServerSnapshot = (s: { name: string; slug: string; url: string; headerNames: string[]; timeoutMs: number; enabled: boolean }) => ({
  name: s.name,
  slug: s.slug,
  url: s.url,
  headerNames: s.headerNames,
  timeoutMs: s.timeoutMs,
  enabled: s.enabled,
});
