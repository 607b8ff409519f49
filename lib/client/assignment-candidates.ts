"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";
import { groupKeys, type Group } from "@/lib/client/groups";
import { memberKeys, type Member } from "@/lib/client/members";
import { serviceAccountKeys, serviceAccountsPath, type ServiceAccount } from "@/lib/client/service-accounts";

const PICKER_LIMIT = 100;

// Each list lives under its resource's `lists` key, so a change to members,
// groups or service accounts refreshes the picker too.
const pickerKeys = {
  members: (org: string) => [...memberKeys.lists(org), "picker"] as const,
  groups: (org: string) => [...groupKeys.lists(org), "picker"] as const,
  serviceAccounts: (org: string) => [...serviceAccountKeys.lists(org), "picker"] as const,
};

const orgPath = (org: string) => `/v1/orgs/${encodeURIComponent(org)}`;

/**
 * Who a toolset can be assigned to: the first 100 people, groups and service
 * accounts of the organization. `enabled` while the picker is open.
 */
export function useAssignmentCandidates(org: string, { enabled = true }: { enabled?: boolean } = {}) {
  const limit = queryString({ limit: PICKER_LIMIT });
  const members = useQuery({
    queryKey: pickerKeys.members(org),
    enabled,
    queryFn: ({ signal }) => apiFetch<Page<Member>>(`${orgPath(org)}/members${limit}`, { signal }),
    retry: retryUnlessClientError,
  });
  const groups = useQuery({
    queryKey: pickerKeys.groups(org),
    enabled,
    queryFn: ({ signal }) => apiFetch<Page<Group>>(`${orgPath(org)}/groups${limit}`, { signal }),
    retry: retryUnlessClientError,
  });
  const serviceAccounts = useQuery({
    queryKey: pickerKeys.serviceAccounts(org),
    enabled,
    queryFn: ({ signal }) => apiFetch<Page<ServiceAccount>>(`${serviceAccountsPath(org)}${limit}`, { signal }),
    retry: retryUnlessClientError,
  });
  const queries = [members, groups, serviceAccounts];
  return {
    members: members.data?.items ?? [],
    groups: groups.data?.items ?? [],
    serviceAccounts: serviceAccounts.data?.items ?? [],
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.isError)?.error ?? null,
    /** More than the picker shows exists in at least one list. */
    truncated: queries.some((q) => Boolean(q.data?.nextCursor)),
    refetch: () => Promise.all(queries.map((q) => q.refetch())),
  };
}
