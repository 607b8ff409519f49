"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiFetch, type CountedPage, type Page } from "@/lib/client/api";
import { resourceCache } from "@/lib/client/resource-keys";
import { usePagedList } from "@/lib/client/resource-queries";
import { groupKeys } from "@/lib/client/groups";
import type { z } from "zod";
import type { AddMemberResult, addMemberSchema, ListMembersQuery, MemberView } from "@/lib/members/contract";

// The API's own view types (lib/members/contract.ts): a renamed field breaks every reader's build.
export type Member = MemberView;
export type Role = MemberView["role"];
export type AddMemberInput = z.input<typeof addMemberSchema>;
export type { AddMemberResult };

// Least access first: the order of every role select.
export const ROLE_LABELS: Record<Role, string> = { MEMBER: "Member", ADMIN: "Admin", OWNER: "Owner" };

export const memberKeys = {
  all: (org: string) => ["orgs", org, "members"] as const,
  lists: (org: string) => [...memberKeys.all(org), "list"] as const,
  list: (org: string, search: string, limit = 50, sort: MemberSort = "") => [...memberKeys.lists(org), { search, sort }, limit] as const,
};

/** What each change to the members makes stale, in one place. */
export const memberCache = {
  /** Added, or a role changed: every member list. */
  listsChanged: (queryClient: QueryClient, org: string) => resourceCache.stale(queryClient, memberKeys.lists(org)),
  /** Removed: the member lists, and every group, since they leave the organization's groups too. */
  removed: (queryClient: QueryClient, org: string) => resourceCache.stale(queryClient, memberKeys.lists(org), groupKeys.all(org)),
};

const base = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/members`;

/** Oldest member first unless chosen. */
export type MemberSort = "" | ListMembersQuery["sort"];

export function useMembers(org: string, search = "", { limit = 50, sort = "" }: { limit?: number; sort?: MemberSort } = {}) {
  return usePagedList<CountedPage<Member>>({ queryKey: memberKeys.list(org, search, limit, sort), path: base(org), params: { search, sort }, limit });
}

/**
 * The result may carry a one-time password. `gcTime: 0` drops the finished
 * mutation from the MutationCache as soon as the caller resets it, so the
 * password lives only in the reveal panel's state.
 */
export function useAddMember(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) => apiFetch<AddMemberResult>(base(org), { method: "POST", body: input }),
    gcTime: 0,
    onSuccess: () => memberCache.listsChanged(queryClient, org),
  });
}

type MemberPages = InfiniteData<Page<Member>, string | null>;

/** Optimistic: the select shows the new role at once and snaps back if the API refuses. */
export function useUpdateMemberRole(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiFetch<Member>(`${base(org)}/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role } }),
    onMutate: async ({ userId, role }) => {
      await queryClient.cancelQueries({ queryKey: memberKeys.lists(org) });
      const snapshot = queryClient.getQueriesData<MemberPages>({ queryKey: memberKeys.lists(org) });
      queryClient.setQueriesData<MemberPages>({ queryKey: memberKeys.lists(org) }, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((m) => (m.userId === userId ? { ...m, role } : m)) })),
        },
      );
      return { snapshot };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => memberCache.listsChanged(queryClient, org),
  });
}

/** Removing someone from the organization also takes them out of its groups. */
export function useRemoveMember(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId }: { userId: string }) =>
      apiFetch<void>(`${base(org)}/${encodeURIComponent(userId)}`, { method: "DELETE" }),
    onSuccess: () => memberCache.removed(queryClient, org),
  });
}
