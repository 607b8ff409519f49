"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type CountedPage, type NameAgeSort, type Page } from "@/lib/client/api";
import { resourceCache, resourceKeys } from "@/lib/client/resource-keys";
import { useApiResource, usePagedList } from "@/lib/client/resource-queries";
import { serviceAccountKeys, serviceAccountPath } from "@/lib/client/service-accounts";
import type { z } from "zod";
import type { AssignedToolsetView, AssignmentView, AssignToolsetInput, createToolsetSchema, ToolsetDetailView, ToolsetView } from "@/lib/toolsets/contract";

// The API's own view types (lib/toolsets/contract.ts): a renamed field breaks every reader's build.
export type Toolset = ToolsetView;
export type Assignment = AssignmentView;
export type AssignmentKind = AssignmentView["kind"];
export type ToolsetDetail = ToolsetDetailView;
export type ToolsetInput = z.input<typeof createToolsetSchema>;
/** Exactly one target, as the API wants it. */
export type { AssignToolsetInput };
export type AssignedToolset = AssignedToolsetView;

export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, string> = { user: "Person", group: "Group", service_account: "Service account" };

export const toolsetKeys = {
  ...resourceKeys<{ search: string; sort: NameAgeSort }>("toolsets"),
  /** Every toolset of the organization, for the Assign toolset picker on a service account's page. */
  picker: (org: string) => [...toolsetKeys.lists(org), "picker"] as const,
  // Under the account's detail key, so dropping a deleted account drops its toolsets too.
  ofServiceAccount: (org: string, serviceAccountId: string) => [...serviceAccountKeys.detail(org, serviceAccountId), "toolsets"] as const,
};

const base = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/toolsets`;
const one = (org: string, id: string) => `${base(org)}/${encodeURIComponent(id)}`;

/** What each change to the toolsets makes stale, in one place. */
export const toolsetCache = {
  /** One service account's toolset list, or (no id) every account's, whichever accounts they belong to. */
  ofServiceAccountsChanged(queryClient: QueryClient, org: string, serviceAccountId?: string) {
    if (serviceAccountId) return resourceCache.stale(queryClient, toolsetKeys.ofServiceAccount(org, serviceAccountId));
    const prefix = serviceAccountKeys.details(org);
    return resourceCache.staleWhere(queryClient, {
      queryKey: prefix,
      predicate: (query) => query.queryKey.length === prefix.length + 2 && query.queryKey[prefix.length + 1] === "toolsets",
    });
  },
  /** After anything that changes which tools a toolset has, or whether it exists: every view of toolsets. */
  everywhere: (queryClient: QueryClient, org: string) =>
    Promise.all([resourceCache.stale(queryClient, toolsetKeys.all(org)), toolsetCache.ofServiceAccountsChanged(queryClient, org)]),
  /** Its tools or assignments changed: the toolset, its list rows (the counts), and the accounts' lists that show it. */
  changed: (queryClient: QueryClient, org: string, toolsetId: string, { serviceAccountId }: { serviceAccountId?: string | null } = {}) =>
    Promise.all([
      resourceCache.changed(queryClient, toolsetKeys, org, toolsetId),
      serviceAccountId === null ? null : toolsetCache.ofServiceAccountsChanged(queryClient, org, serviceAccountId),
    ]),
};

export function useToolsets(org: string, search = "", sort: NameAgeSort = "") {
  return usePagedList<CountedPage<Toolset>>({ queryKey: toolsetKeys.list(org, { search, sort }), path: base(org), params: { search, sort } });
}

/** The first 100 toolsets, for a select; `enabled` while the picker is open. */
export function useToolsetPicker(org: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: toolsetKeys.picker(org),
    enabled,
    queryFn: ({ signal }) => apiFetch<Page<Toolset>>(`${base(org)}${queryString({ limit: 100 })}`, { signal }),
    retry: retryUnlessClientError,
  });
}

/** `enabled: false` once the toolset is deleted, so the page does not refetch it into a 404 while it navigates away. */
export function useToolset(org: string, id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useApiResource<ToolsetDetail>({ queryKey: toolsetKeys.detail(org, id), path: one(org, id), enabled });
}

export function useServiceAccountToolsets(org: string, serviceAccountId: string) {
  return useQuery({
    queryKey: toolsetKeys.ofServiceAccount(org, serviceAccountId),
    queryFn: ({ signal }) => apiFetch<{ items: AssignedToolset[] }>(`${serviceAccountPath(org, serviceAccountId)}/toolsets`, { signal }),
    retry: retryUnlessClientError,
  });
}

export function useCreateToolset(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ToolsetInput) => apiFetch<Toolset>(base(org), { method: "POST", body: input }),
    onSuccess: () => resourceCache.listsChanged(queryClient, toolsetKeys, org),
  });
}

export function useUpdateToolset(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ToolsetInput>) => apiFetch<Toolset>(one(org, id), { method: "PATCH", body: input }),
    onSuccess: (toolset) => {
      // The PATCH answer has no tools or assignments; keep the ones already loaded.
      // Service accounts' pages show the name too.
      return Promise.all([resourceCache.patched<ToolsetDetail>(queryClient, toolsetKeys, org, id, toolset), toolsetCache.ofServiceAccountsChanged(queryClient, org)]);
    },
  });
}

/** Its assignments go with it. The caller navigates away; the detail entry is dropped rather than refetched into a 404. */
export function useDeleteToolset(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(one(org, id), { method: "DELETE" }),
    onSuccess: () => {
      return Promise.all([resourceCache.deleted(queryClient, toolsetKeys, org, id), toolsetCache.ofServiceAccountsChanged(queryClient, org)]);
    },
  });
}

/** Adding and removing tools change the toolset's tool count wherever it is listed. */
function useToolsetToolsChange<Vars, Result>(org: string, id: string, request: (vars: Vars) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => toolsetCache.changed(queryClient, org, id),
  });
}

/** Tools already in the toolset are left as they are; `added` lists the ones that were not. */
export function useAddToolsetTools(org: string, id: string) {
  return useToolsetToolsChange(org, id, ({ toolIds }: { toolIds: string[] }) =>
    apiFetch<{ added: string[] }>(`${one(org, id)}/tools`, { method: "POST", body: { toolIds } }),
  );
}

export function useRemoveToolsetTool(org: string, id: string) {
  return useToolsetToolsChange(org, id, ({ toolId }: { toolId: string }) =>
    apiFetch<void>(`${one(org, id)}/tools/${encodeURIComponent(toolId)}`, { method: "DELETE" }),
  );
}

/**
 * Assigning and unassigning, from the toolset's page or from a service
 * account's: both sides show the assignment, so both are refreshed. The
 * mutation takes the toolset id so one hook serves either page.
 */
function useAssignmentChange<Vars extends { toolsetId: string }, Result>(
  org: string,
  request: (vars: Vars) => Promise<Result>,
  serviceAccountOf: (vars: Vars) => string | undefined,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (_result, vars) => {
      // Only an account's own assignment shows on its page; a person's or a group's shows on none.
      return toolsetCache.changed(queryClient, org, vars.toolsetId, { serviceAccountId: serviceAccountOf(vars) ?? null });
    },
  });
}

/** 409 when the toolset is already assigned to that target. */
export function useAssignToolset(org: string) {
  return useAssignmentChange(
    org,
    ({ toolsetId, target }: { toolsetId: string; target: AssignToolsetInput }) =>
      apiFetch<Assignment>(`${one(org, toolsetId)}/assignments`, { method: "POST", body: target }),
    ({ target }) => ("serviceAccountId" in target ? target.serviceAccountId : undefined),
  );
}

/** Pass `serviceAccountId` when the assignment is a service account's, so its page refreshes too. */
export function useUnassignToolset(org: string) {
  return useAssignmentChange(
    org,
    ({ toolsetId, assignmentId }: { toolsetId: string; assignmentId: string; serviceAccountId?: string }) =>
      apiFetch<void>(`${one(org, toolsetId)}/assignments/${encodeURIComponent(assignmentId)}`, { method: "DELETE" }),
    ({ serviceAccountId }) => serviceAccountId,
  );
}
