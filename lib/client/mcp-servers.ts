"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type CountedPage, type NameAgeSort } from "@/lib/client/api";
import { resourceCache, resourceKeys } from "@/lib/client/resource-keys";
import { useApiResource, usePagedList } from "@/lib/client/resource-queries";
import { toolsetCache } from "@/lib/client/toolsets";
import type { z } from "zod";
import type { CatalogChanges, SyncResult } from "@/lib/mcp/contract";
import type {
  CatalogPromptView,
  CatalogResourceTemplateView,
  CatalogResourceView,
  CatalogToolView,
  createMcpServerSchema,
  McpServerDetailView,
  McpServerView,
  updateMcpServerSchema,
} from "@/lib/mcp-servers/contract";

// The API's own view types (lib/mcp-servers/contract.ts): a renamed field breaks every reader's build.
export type { McpServerHealth } from "@/lib/generated/prisma/enums";
export type { CatalogChanges };
/** Header values are write-only: the API only ever says which headers are set (headerNames). */
export type McpServer = McpServerView;
export type CatalogTool = CatalogToolView;
export type CatalogPrompt = CatalogPromptView;
export type CatalogResource = CatalogResourceView;
export type CatalogResourceTemplate = CatalogResourceTemplateView;
export type McpServerDetail = McpServerDetailView;
/** A sync's result as "Sync now" answers it (a skipped sync is a 409, not a result). */
export type SyncOutcome = Exclude<SyncResult, { status: "skipped" }>;

export type CreateMcpServerInput = z.input<typeof createMcpServerSchema>;
/** `headers` replaces every header; `{}` clears them. */
export type UpdateMcpServerInput = z.input<typeof updateMcpServerSchema>;

export const mcpServerKeys = resourceKeys<{ search: string; sort: NameAgeSort }>("mcp-servers");

/** The catalog across servers (the toolset picker): stale whenever any server syncs, changes or goes. */
export const catalogKeys = {
  all: (org: string) => ["orgs", org, "catalog"] as const,
  tools: (org: string, search: string) => [...catalogKeys.all(org), "tools", { search }] as const,
};

const base = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/mcp-servers`;
const one = (org: string, id: string) => `${base(org)}/${encodeURIComponent(id)}`;

export function useMcpServers(org: string, search = "", sort: NameAgeSort = "") {
  return usePagedList<CountedPage<McpServer>>({ queryKey: mcpServerKeys.list(org, { search, sort }), path: base(org), params: { search, sort } });
}

/** `enabled: false` once the server is deleted, so the page does not refetch it into a 404 while it navigates away. */
export function useMcpServer(org: string, id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useApiResource<McpServerDetail>({ queryKey: mcpServerKeys.detail(org, id), path: one(org, id), enabled });
}

export function useCatalogTools(org: string, search: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: catalogKeys.tools(org, search),
    enabled,
    queryFn: ({ signal }) => apiFetch<{ items: CatalogTool[] }>(`/v1/orgs/${encodeURIComponent(org)}/catalog/tools${queryString({ search })}`, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/**
 * A sync (on create, on a settings change, on Sync now) can add, change or
 * remove tools: the server, the cross-server catalog and every toolset that
 * shows tools may be stale.
 */
function invalidateAfterCatalogChange(queryClient: QueryClient, org: string, serverId: string) {
  return Promise.all([
    resourceCache.stale(queryClient, mcpServerKeys.detail(org, serverId), mcpServerKeys.lists(org), catalogKeys.all(org)),
    toolsetCache.everywhere(queryClient, org),
  ]);
}

/** The first sync runs before the answer: a server that could not be reached comes back with health ERROR, not a failure. */
export function useCreateMcpServer(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMcpServerInput) => apiFetch<McpServer>(base(org), { method: "POST", body: input }),
    onSuccess: (server) => invalidateAfterCatalogChange(queryClient, org, server.id),
  });
}

/** Rename, re-point, replace headers, enable or disable. A changed connection re-syncs before the answer. */
export function useUpdateMcpServer(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMcpServerInput) => apiFetch<McpServer>(one(org, id), { method: "PATCH", body: input }),
    onSuccess: (server) => {
      // The PATCH answer has no catalog; keep the loaded one until the refetch lands.
      queryClient.setQueryData<McpServerDetail>(mcpServerKeys.detail(org, id), (old) => old && { ...old, ...server });
      return invalidateAfterCatalogChange(queryClient, org, id);
    },
  });
}

/** "Sync now". 409 when the server is disabled or a sync is already running; a failed upstream is a result, not an error. */
export function useSyncMcpServer(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ result: SyncOutcome; server: McpServer }>(`${one(org, id)}/sync`, { method: "POST" }),
    onSuccess: ({ server }) => {
      queryClient.setQueryData<McpServerDetail>(mcpServerKeys.detail(org, id), (old) => old && { ...old, ...server });
      return invalidateAfterCatalogChange(queryClient, org, id);
    },
  });
}

/** Its tools leave every toolset. The caller navigates away; the detail entry is dropped rather than refetched into a 404. */
export function useDeleteMcpServer(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(one(org, id), { method: "DELETE" }),
    onSuccess: () => {
      return Promise.all([
        resourceCache.deleted(queryClient, mcpServerKeys, org, id),
        resourceCache.stale(queryClient, catalogKeys.all(org)),
        toolsetCache.everywhere(queryClient, org),
      ]);
    },
  });
}
