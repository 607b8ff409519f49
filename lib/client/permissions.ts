"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";
import { mcpServerKeys, type McpServer } from "@/lib/client/mcp-servers";
import { serviceAccountKeys, serviceAccountPath, type ServiceAccount } from "@/lib/client/service-accounts";
import { resourceCache } from "@/lib/client/resource-keys";
import { serviceTokenKeys } from "@/lib/client/service-tokens";
import { useToolsetPicker } from "@/lib/client/toolsets";
import type { AccessReason, EffectiveAccessReport, GrantEntry as ContractGrantEntry, Grantee, PermissionRow, PermissionsView } from "@/lib/grants/contract";

// The API's own view types (lib/grants/contract.ts): a renamed field breaks every reader's build.
export type Permissions = PermissionsView;
export type AccessMode = PermissionsView["accessMode"];
/** One resource's level in a grants change; NONE removes the grant. */
export type GrantEntry = ContractGrantEntry;
export type ResourceType = GrantEntry["resourceType"];
export type Level = GrantEntry["level"];
/** A server or toolset of the organization, with the grantee's level on it. */
export type PermissionResource = PermissionRow;
export type { AccessReason, Grantee };
export type EffectiveAccess = EffectiveAccessReport;

export const LEVEL_LABELS: Record<Level, string> = { NONE: "None", READ: "Read", WRITE: "Write" };
export const RESOURCE_TYPE_LABELS: Record<ResourceType, string> = { MCP_SERVER: "MCP server", TOOLSET: "Toolset" };
export const ACCESS_MODE_LABELS: Record<AccessMode, string> = { RESTRICTED: "Restricted", FULL_ACCESS: "Full Access" };

export const permissionKeys = {
  /**
   * Everything about one grantee's permissions. An account's sit under its
   * detail key, so dropping a deleted account drops them too.
   */
  grantee: (org: string, grantee: Grantee) =>
    "serviceAccountId" in grantee
      ? ([...serviceAccountKeys.detail(org, grantee.serviceAccountId), "access"] as const)
      : ([...serviceTokenKeys.all(org), "token", grantee.tokenId, "access"] as const),
  permissions: (org: string, grantee: Grantee) => [...permissionKeys.grantee(org, grantee), "permissions"] as const,
  effectiveAccess: (org: string, grantee: Grantee) => [...permissionKeys.grantee(org, grantee), "effective-access"] as const,
  /** The organization's servers, for the grants picker of a token not created yet. */
  serverPicker: (org: string) => [...mcpServerKeys.lists(org), "picker"] as const,
};

/** The API base of the grantee: `/service-accounts/:id` or `/service-tokens/:tokenId`. */
export function granteePath(org: string, grantee: Grantee): string {
  return "serviceAccountId" in grantee
    ? serviceAccountPath(org, grantee.serviceAccountId)
    : `/v1/orgs/${encodeURIComponent(org)}/service-tokens/${encodeURIComponent(grantee.tokenId)}`;
}

/** One resource's identity across lists: a server and a toolset may share a name, never a key. */
export const resourceKey = (entry: { resourceType: ResourceType; resourceId: string }) => `${entry.resourceType}:${entry.resourceId}`;

/**
 * The mode and every server and toolset of the organization with the
 * grantee's level. `staleTime: 0`: servers and toolsets come and go on other
 * pages, so a page that shows this asks again when it mounts.
 */
export function usePermissions(org: string, grantee: Grantee, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: permissionKeys.permissions(org, grantee),
    enabled,
    staleTime: 0,
    queryFn: ({ signal }) => apiFetch<Permissions>(`${granteePath(org, grantee)}/permissions`, { signal }),
    retry: retryUnlessClientError,
  });
}

/**
 * What a service account can use over MCP right now, with why. Only accounts
 * have this report. `staleTime: 0` because toolsets' tools, servers' catalogs
 * and assignments change it from other pages.
 */
export function useEffectiveAccess(org: string, grantee: { serviceAccountId: string }) {
  return useQuery({
    queryKey: permissionKeys.effectiveAccess(org, grantee),
    staleTime: 0,
    queryFn: ({ signal }) => apiFetch<EffectiveAccess>(`${granteePath(org, grantee)}/effective-access`, { signal }),
    retry: retryUnlessClientError,
  });
}

/** What each change to a grantee's permissions makes stale, in one place. */
export const permissionCache = {
  /** Toolset assignments changed on an account's page: what it can use over MCP changed too. */
  effectiveAccessChanged: (queryClient: QueryClient, org: string, grantee: Grantee) =>
    resourceCache.stale(queryClient, permissionKeys.effectiveAccess(org, grantee)),
  /** A mode or grants change: the permissions, the effective access, and (for a mode) the lists that show it. */
  changed: (queryClient: QueryClient, org: string, grantee: Grantee, { modeChanged }: { modeChanged: boolean }) =>
    resourceCache.stale(
      queryClient,
      permissionKeys.grantee(org, grantee),
      !modeChanged ? null : "serviceAccountId" in grantee ? serviceAccountKeys.lists(org) : serviceTokenKeys.lists(org, { orgWide: true }),
    ),
};

/** Optimistic: the radio moves at once and moves back if the API refuses. */
export function useSetAccessMode(org: string, grantee: Grantee) {
  const queryClient = useQueryClient();
  const key = permissionKeys.permissions(org, grantee);
  return useMutation({
    mutationFn: ({ accessMode }: { accessMode: AccessMode }) =>
      apiFetch<{ accessMode: AccessMode }>(`${granteePath(org, grantee)}/access-mode`, { method: "PUT", body: { accessMode } }),
    onMutate: async ({ accessMode }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Permissions>(key)?.accessMode;
      queryClient.setQueryData<Permissions>(key, (old) => old && { ...old, accessMode });
      return { previous };
    },
    onError: (_error, _vars, context) => {
      const previous = context?.previous;
      if (previous) queryClient.setQueryData<Permissions>(key, (old) => old && { ...old, accessMode: previous });
    },
    onSuccess: ({ accessMode }) => {
      // The account's page shows the mode among its facts.
      if ("serviceAccountId" in grantee) {
        queryClient.setQueryData<ServiceAccount>(serviceAccountKeys.detail(org, grantee.serviceAccountId), (old) => old && { ...old, accessMode });
      }
    },
    onSettled: () => permissionCache.changed(queryClient, org, grantee, { modeChanged: true }),
  });
}

/**
 * Sets each named resource's level (NONE removes the grant), in one request.
 * Optimistic: only the named rows change at once, and only those are put
 * back if the API refuses, so a concurrent change to another row survives.
 */
export function useSetGrants(org: string, grantee: Grantee) {
  const queryClient = useQueryClient();
  const key = permissionKeys.permissions(org, grantee);
  const withLevels = (levels: Map<string, Level>) =>
    queryClient.setQueryData<Permissions>(
      key,
      (old) => old && { ...old, resources: old.resources.map((r) => (levels.has(resourceKey(r)) ? { ...r, level: levels.get(resourceKey(r))! } : r)) },
    );
  return useMutation({
    mutationFn: ({ grants }: { grants: GrantEntry[] }) =>
      apiFetch<{ changed: number }>(`${granteePath(org, grantee)}/grants`, { method: "PATCH", body: { grants } }),
    onMutate: async ({ grants }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const named = new Set(grants.map(resourceKey));
      const previous = new Map(
        (queryClient.getQueryData<Permissions>(key)?.resources ?? []).filter((r) => named.has(resourceKey(r))).map((r) => [resourceKey(r), r.level]),
      );
      withLevels(new Map(grants.map((g) => [resourceKey(g), g.level])));
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context) withLevels(context.previous);
    },
    onSettled: () => permissionCache.changed(queryClient, org, grantee, { modeChanged: false }),
  });
}

/** A resource a token can be granted before it exists: from the server and toolset lists, not from a grantee's permissions. */
export type GrantableResource = { resourceType: ResourceType; resourceId: string; name: string; detail: string };

/** The first 100 servers and the first 100 toolsets, for the grants picker of a new org-wide token. */
export function useGrantableResources(org: string, { enabled = true }: { enabled?: boolean } = {}) {
  const servers = useQuery({
    queryKey: permissionKeys.serverPicker(org),
    enabled,
    queryFn: ({ signal }) => apiFetch<Page<McpServer>>(`/v1/orgs/${encodeURIComponent(org)}/mcp-servers${queryString({ limit: 100 })}`, { signal }),
    retry: retryUnlessClientError,
  });
  const toolsets = useToolsetPicker(org, { enabled });
  const resources: GrantableResource[] = [
    ...(servers.data?.items ?? []).map((s) => ({ resourceType: "MCP_SERVER" as const, resourceId: s.id, name: s.name, detail: s.slug })),
    ...(toolsets.data?.items ?? []).map((t) => ({
      resourceType: "TOOLSET" as const,
      resourceId: t.id,
      name: t.name,
      detail: t.toolCount === 1 ? "1 tool" : `${t.toolCount} tools`,
    })),
  ];
  return {
    resources,
    isPending: servers.isPending || toolsets.isPending,
    error: servers.error ?? toolsets.error,
    truncated: Boolean(servers.data?.nextCursor || toolsets.data?.nextCursor),
    refetch: () => Promise.all([servers.refetch(), toolsets.refetch()]),
  };
}
