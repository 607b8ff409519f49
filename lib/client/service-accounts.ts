"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type CountedPage, type NameAgeSort } from "@/lib/client/api";
import { resourceCache, resourceKeys } from "@/lib/client/resource-keys";
import type { z } from "zod";
import type { createServiceAccountSchema, ListServiceAccountsQuery, ServiceAccountView } from "@/lib/service-accounts/contract";
import { useApiResource, usePagedList } from "@/lib/client/resource-queries";

// The API's own view type (lib/service-accounts/contract.ts): a renamed field breaks every reader's build.
export type ServiceAccount = ServiceAccountView;
export type ServiceAccountStatus = ServiceAccountView["status"];
export type ServiceAccountInput = z.input<typeof createServiceAccountSchema>;
export type ServiceAccountFilters = { search: string; status: ServiceAccountStatus | ""; tokens?: AccountTokenFilter | ""; sort?: ServiceAccountSort };
/** How the list is ordered; newest first unless chosen. */
export type ServiceAccountSort = NameAgeSort;
/** Accounts with a token expiring soon, or with an expired (unrevoked) one. */
export type AccountTokenFilter = NonNullable<ListServiceAccountsQuery["tokens"]>;

export const serviceAccountKeys = {
  ...resourceKeys<ServiceAccountFilters>("service-accounts"),
  // Under the detail key, so dropping a deleted account drops its tokens too.
  tokens: (org: string, id: string) => [...serviceAccountKeys.detail(org, id), "tokens"] as const,
};

export const serviceAccountsPath = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/service-accounts`;
export const serviceAccountPath = (org: string, id: string) => `${serviceAccountsPath(org)}/${encodeURIComponent(id)}`;

export function useServiceAccounts(org: string, filters: ServiceAccountFilters) {
  return usePagedList<CountedPage<ServiceAccount>>({ queryKey: serviceAccountKeys.list(org, filters), path: serviceAccountsPath(org), params: filters });
}

/** `enabled: false` once the account is deleted, so the page does not refetch it into a 404 while it navigates away. */
export function useServiceAccount(org: string, id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useApiResource<ServiceAccount>({ queryKey: serviceAccountKeys.detail(org, id), path: serviceAccountPath(org, id), enabled });
}

export function useCreateServiceAccount(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: ServiceAccountInput & { idempotencyKey?: string }) =>
      apiFetch<ServiceAccount>(serviceAccountsPath(org), { method: "POST", body: input, idempotencyKey }),
    onSuccess: (account) => {
      queryClient.setQueryData(serviceAccountKeys.detail(org, account.id), account);
      return resourceCache.listsChanged(queryClient, serviceAccountKeys, org);
    },
  });
}

/** Rename, describe, disable or enable. The answer is the whole account, so it replaces the cached one. */
export function useUpdateServiceAccount(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ServiceAccountInput> & { status?: ServiceAccountStatus }) =>
      apiFetch<ServiceAccount>(serviceAccountPath(org, id), { method: "PATCH", body: input }),
    onSuccess: (account) => {
      queryClient.setQueryData(serviceAccountKeys.detail(org, id), account);
      return resourceCache.listsChanged(queryClient, serviceAccountKeys, org);
    },
  });
}

/** Deleting revokes the account's tokens. The caller navigates away; the cached account and its tokens are dropped, not refetched into a 404. */
export function useDeleteServiceAccount(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(serviceAccountPath(org, id), { method: "DELETE" }),
    onSuccess: () => resourceCache.deleted(queryClient, serviceAccountKeys, org, id, { exact: false }),
  });
}
