"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { resourceKeys } from "@/lib/client/resource-keys";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";

export type Group = { id: string; name: string; description: string; memberCount: number; createdAt: string; updatedAt: string };
export type GroupMember = { userId: string; email: string; name: string; addedAt: string };
export type GroupDetail = Group & { members: GroupMember[] };
export type GroupInput = { name: string; description: string };

export const groupKeys = resourceKeys<{ search: string }>("groups");

const base = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/groups`;
const one = (org: string, groupId: string) => `${base(org)}/${encodeURIComponent(groupId)}`;

export function useGroups(org: string, search = "") {
  return useInfiniteQuery({
    queryKey: groupKeys.list(org, { search }),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Group>>(`${base(org)}${queryString({ limit: 50, cursor: pageParam, search })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** `enabled: false` once the group is deleted, so the page does not refetch it into a 404 while it navigates away. */
export function useGroup(org: string, groupId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: groupKeys.detail(org, groupId),
    enabled,
    queryFn: ({ signal }) => apiFetch<GroupDetail>(one(org, groupId), { signal }),
    retry: retryUnlessClientError,
  });
}

export function useCreateGroup(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) => apiFetch<Group>(base(org), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists(org) }),
  });
}

export function useUpdateGroup(org: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<GroupInput>) => apiFetch<Group>(one(org, groupId), { method: "PATCH", body: input }),
    onSuccess: (group) => {
      // The PATCH answer has no member list; keep the one already loaded.
      queryClient.setQueryData<GroupDetail>(groupKeys.detail(org, groupId), (old) => old && { ...old, ...group });
      return queryClient.invalidateQueries({ queryKey: groupKeys.lists(org) });
    },
  });
}

/** The caller navigates away on success; the detail entry is dropped rather than refetched into a 404. */
export function useDeleteGroup(org: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(one(org, groupId), { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: groupKeys.detail(org, groupId), exact: true });
      return queryClient.invalidateQueries({ queryKey: groupKeys.lists(org) });
    },
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
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.detail(org, groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.lists(org) }),
      ]),
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
