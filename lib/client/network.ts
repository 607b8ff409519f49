"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/lib/client/api";
import { resourceCache } from "@/lib/client/resource-keys";
import { serviceAccountKeys, serviceAccountPath } from "@/lib/client/service-accounts";
import type { z } from "zod";
import type { AddressTestView, addNetworkRuleSchema, LayerVerdict, NetworkRuleView, testAddressSchema } from "@/lib/network/contract";
import type { OrgSettings } from "@/lib/orgs/contract";

// The API's own view types (lib/network/contract.ts, lib/orgs/contract.ts): a renamed field breaks every reader's build.
export type NetworkRule = NetworkRuleView;
export type NetworkRuleInput = z.input<typeof addNetworkRuleSchema>;

/** Which allowlist: the organization's own layer, or one service account's. */
export type NetworkLayer = { organization: true } | { serviceAccountId: string };
export const ORGANIZATION_LAYER: NetworkLayer = { organization: true };

export type { LayerVerdict };
export type AddressTestResult = AddressTestView;
export type AddressTestInput = z.input<typeof testAddressSchema>;

export type { OrgSettings };

const orgPath = (org: string) => `/v1/orgs/${encodeURIComponent(org)}`;

export const networkKeys = {
  all: (org: string) => ["orgs", org, "network"] as const,
  /** An account's list sits under the account's detail key, so dropping a deleted account drops it too. */
  rules: (org: string, layer: NetworkLayer) =>
    "organization" in layer ? ([...networkKeys.all(org), "rules"] as const) : ([...serviceAccountKeys.detail(org, layer.serviceAccountId), "network-rules"] as const),
  settings: (org: string) => ["orgs", org, "settings"] as const,
};

/** What each change to the allowlists makes stale, in one place. */
export const networkCache = {
  /** An entry added to or removed from one layer: that layer's list (the address test asks afresh each time). */
  rulesChanged: (queryClient: QueryClient, org: string, layer: NetworkLayer) => resourceCache.stale(queryClient, networkKeys.rules(org, layer)),
};

/** The API base path of one layer's entries. */
export function networkRulesPath(org: string, layer: NetworkLayer): string {
  return "organization" in layer ? `${orgPath(org)}/network-rules` : `${serviceAccountPath(org, layer.serviceAccountId)}/network-rules`;
}

export function useNetworkRules(org: string, layer: NetworkLayer) {
  return useQuery({
    queryKey: networkKeys.rules(org, layer),
    queryFn: ({ signal }) => apiFetch<{ items: NetworkRule[] }>(networkRulesPath(org, layer), { signal }),
    retry: retryUnlessClientError,
  });
}

/** The answer carries the entry in canonical form ("203.0.113.7/24" comes back as "203.0.113.0/24"). */
export function useAddNetworkRule(org: string, layer: NetworkLayer) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: NetworkRuleInput & { idempotencyKey?: string }) =>
      apiFetch<NetworkRule>(networkRulesPath(org, layer), { method: "POST", body: input, idempotencyKey }),
    onSuccess: () => networkCache.rulesChanged(queryClient, org, layer),
  });
}

export function useRemoveNetworkRule(org: string, layer: NetworkLayer) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ruleId }: { ruleId: string }) =>
      apiFetch<void>(`${networkRulesPath(org, layer)}/${encodeURIComponent(ruleId)}`, { method: "DELETE" }),
    onSuccess: () => networkCache.rulesChanged(queryClient, org, layer),
  });
}

/** A question, not a change: nothing to invalidate. A POST because the API takes a body. */
export function useTestAddress(org: string) {
  return useMutation({
    mutationFn: (input: AddressTestInput) => apiFetch<AddressTestResult>(`${orgPath(org)}/network-rules/test`, { method: "POST", body: input }),
  });
}

export function useOrgSettings(org: string) {
  return useQuery({
    queryKey: networkKeys.settings(org),
    queryFn: ({ signal }) => apiFetch<OrgSettings>(`${orgPath(org)}/settings`, { signal }),
    retry: retryUnlessClientError,
  });
}

/** The answer is the whole settings object, so it replaces the cached one. */
export function useUpdateOrgSettings(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<OrgSettings>) => apiFetch<OrgSettings>(`${orgPath(org)}/settings`, { method: "PATCH", body: input }),
    onSuccess: (settings) => queryClient.setQueryData(networkKeys.settings(org), settings),
  });
}

export const RATE_LIMIT_MAX = 100_000;

/**
 * A rate limit field's text as the API wants it: empty is null (unlimited, or
 * the organization's default for a token), otherwise a whole number 1–100000.
 */
export function parseRateLimit(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/[,_\s]/g, "");
  if (trimmed === "") return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: "Enter a whole number of requests per minute, or leave it empty." };
  const value = Number(trimmed);
  if (value < 1 || value > RATE_LIMIT_MAX) return { ok: false, message: "Enter a number from 1 to 100000, or leave it empty." };
  return { ok: true, value };
}
