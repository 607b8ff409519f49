"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type CountedPage } from "@/lib/client/api";
import type { z } from "zod";
import type { LifetimePreset, ListTokensQuery, MintedToken, mintOrgTokenSchema, RolledToken, RollGrace, TokenView } from "@/lib/tokens/contract";
import { resourceCache } from "@/lib/client/resource-keys";
import { serviceAccountKeys, serviceAccountPath } from "@/lib/client/service-accounts";

// The API's own view types (lib/tokens/contract.ts): a renamed field breaks every reader's build.
export type ServiceToken = TokenView;
export type TokenStatus = TokenView["status"];
/** What the token lists filter by: a status, or expiring (live and expiring soon). */
export type TokenFilter = NonNullable<ListTokensQuery["status"]>;
/** The one response that carries the token itself. Never cache it. */
export type MintedServiceToken = MintedToken;

export type { LifetimePreset };
/** `accessMode` and `grants` only for org-wide tokens; an account's tokens follow the account. */
export type MintTokenInput = z.input<typeof mintOrgTokenSchema>;

/** Whose tokens: one service account's, or the organization's own (org-wide), as the API's routes are split. */
export type TokenOwner = { serviceAccountId: string } | { orgWide: true };

export const serviceTokenKeys = {
  all: (org: string) => ["orgs", org, "service-tokens"] as const,
  /** Every token list of one owner, whatever the filter. */
  lists: (org: string, owner: TokenOwner) =>
    "orgWide" in owner ? ([...serviceTokenKeys.all(org), "org-wide"] as const) : serviceAccountKeys.tokens(org, owner.serviceAccountId),
  list: (org: string, owner: TokenOwner, status: TokenFilter | "", sort: TokenSort = "") => [...serviceTokenKeys.lists(org, owner), { status, sort }] as const,
};

/** The API base path of the owner's tokens. */
export function serviceTokensPath(org: string, owner: TokenOwner): string {
  return "orgWide" in owner
    ? `/v1/orgs/${encodeURIComponent(org)}/service-tokens`
    : `${serviceAccountPath(org, owner.serviceAccountId)}/tokens`;
}

/** Newest first unless chosen ("" is the default); a leading "-" reverses; never-used tokens come last by last use either way. */
export type TokenSort = "" | ListTokensQuery["sort"];

export function useServiceTokens(org: string, owner: TokenOwner, status: TokenFilter | "" = "", sort: TokenSort = "") {
  return useInfiniteQuery({
    queryKey: serviceTokenKeys.list(org, owner, status, sort),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<CountedPage<ServiceToken>>(
        `${serviceTokensPath(org, owner)}${queryString({ limit: 50, cursor: pageParam, status, sort })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** What each change to the tokens makes stale, in one place. */
export const serviceTokenCache = {
  /** Minted, revoked or rolled: the owner's token lists, and for an account its active token count. */
  tokensChanged(queryClient: QueryClient, org: string, owner: TokenOwner) {
    if ("orgWide" in owner) return resourceCache.stale(queryClient, serviceTokenKeys.lists(org, owner));
    // The detail key is a prefix of the account's token lists: one key refreshes both.
    return resourceCache.stale(queryClient, serviceAccountKeys.detail(org, owner.serviceAccountId), serviceAccountKeys.lists(org));
  },
  /** One token's settings changed: the owner's token lists. */
  listsChanged: (queryClient: QueryClient, org: string, owner: TokenOwner) => resourceCache.stale(queryClient, serviceTokenKeys.lists(org, owner)),
};

/**
 * The result carries the token, shown once. It is never written to the query
 * cache (the lists are refetched instead, and show only the prefix), and
 * `gcTime: 0` drops the finished mutation from the MutationCache as soon as
 * the caller resets it, so the token lives only in the reveal panel's state.
 */
export function useMintServiceToken(org: string, owner: TokenOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: MintTokenInput & { idempotencyKey?: string }) =>
      apiFetch<MintedServiceToken>(serviceTokensPath(org, owner), { method: "POST", body: input, idempotencyKey }),
    gcTime: 0,
    onSuccess: () => serviceTokenCache.tokensChanged(queryClient, org, owner),
  });
}

/** Revoked tokens fail from the very next request; revoking twice changes nothing. */
export function useRevokeServiceToken(org: string, owner: TokenOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tokenId }: { tokenId: string }) =>
      apiFetch<void>(`${serviceTokensPath(org, owner)}/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),
    onSuccess: () => serviceTokenCache.tokensChanged(queryClient, org, owner),
  });
}

/** A token's own rate limit; null hands it back to the organization's default. Takes effect on the next request. */
export function useUpdateTokenRateLimit(org: string, owner: TokenOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tokenId, rateLimitPerMinute }: { tokenId: string; rateLimitPerMinute: number | null }) =>
      apiFetch<ServiceToken>(`${serviceTokensPath(org, owner)}/${encodeURIComponent(tokenId)}`, { method: "PATCH", body: { rateLimitPerMinute } }),
    onSuccess: () => serviceTokenCache.listsChanged(queryClient, org, owner),
  });
}

export type { RollGrace };
/** The replacement, shown once, and the old token with its grace end as its expiry. Never cache it. */
export type RolledServiceToken = RolledToken;

/** Mints the replacement (same name, lifetime, rate limit, mode and grants); the old token works until the grace end. */
export function useRollServiceToken(org: string, owner: TokenOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tokenId, grace, idempotencyKey }: { tokenId: string; grace: RollGrace; idempotencyKey?: string }) =>
      apiFetch<RolledServiceToken>(`${serviceTokensPath(org, owner)}/${encodeURIComponent(tokenId)}/roll`, { method: "POST", body: { grace }, idempotencyKey }),
    gcTime: 0,
    onSuccess: () => serviceTokenCache.tokensChanged(queryClient, org, owner),
  });
}
