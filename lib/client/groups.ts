"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type CountedPage, type NameAgeSort } from "@/lib/client/api";
import { resourceCache, resourceKeys } from "@/lib/client/resource-keys";
import type { CreateGroupInput, GroupDetailView, GroupMemberView, GroupView } from "@/lib/groups/contract";
import { useApiResource, usePagedList } from "@/lib/client/resource-queries";

// The API's own view types (lib/groups/contract.ts): a renamed field breaks every reader's build.
export type Group = GroupView;
export type GroupMember = GroupMemberView;
export type GroupDetail = GroupDetailView;
export type GroupInput = CreateGroupInput;

export const groupKeys = resourceKeys<{ search: string; sort: NameAgeSort }>("groups");

const base = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/groups`;
const one = (org: string, groupId: string) => `${base(org)}/${encodeURIComponent(groupId)}`;

export function useGroups(org: string, search = "", sort: NameAgeSort = "") {
  return usePagedList<CountedPage<Group>>({ queryKey: groupKeys.list(org, { search, sort }), path: base(org), params: { search, sort } });
}

/** `enabled: false` once the group is deleted, so the page does not refetch it into a 404 while it navigates away. */
export function useGroup(org: string, groupId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useApiResource<GroupDetail>({ queryKey: groupKeys.detail(org, groupId), path: one(org, groupId), enabled });
}

export function useCreateGroup(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) => apiFetch<Group>(base(org), { method: "POST", body: input }),
    onSuccess: () => resourceCache.listsChanged(queryClient, groupKeys, org),
  });
}

export function useUpdateGroup(org: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<GroupInput>) => apiFetch<Group>(one(org, groupId), { method: "PATCH", body: input }),
    onSuccess: (group) => {
      // The PATCH answer has no member list; keep the one already loaded.
      return resourceCache.patched<GroupDetail>(queryClient, groupKeys, org, groupId, group);
    },
  });
}

/** The caller navigates away on success; the detail entry is dropped rather than refetched into a 404. */
export function useDeleteGroup(org: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(one(org, groupId), { method: "DELETE" }),
    onSuccess: () => resourceCache.deleted(queryClient, groupKeys, org, groupId),
  });
}

function useGroupMembershipChange<Vars extends { userId: string }, Result>(
  org: string,
  groupId: string,
  request: (vars: Vars) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => resourceCache.changed(queryClient, groupKeys, org, groupId),
  });
}

export function useAddGroupMember(org: string, groupId: string) {
  return useGroupMembershipChange(org, groupId, ({ userId }: { userId: string }) =>
    apiFetch<GroupMember>(`${one(org, groupId)}/members`, { method: "POST", body: { userId } }),
  );
}

export function useRemoveGroupMember(org: string, groupId: string) {
  return useGroupMembershipChange(org, groupId, ({ userId }: { userId: string }) =>
    apiFetch<void>(`${one(org, groupId)}/members/${encodeURIComponent(userId)}`, { method: "DELETE" }),
  );
}
