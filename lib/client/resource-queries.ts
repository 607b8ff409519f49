"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";

type PagedListOptions = {
  queryKey: QueryKey;
  path: string;
  /** The filters, sent as query parameters after limit and cursor. */
  params?: Record<string, string | number | null | undefined>;
  limit?: number;
  enabled?: boolean;
};

/**
 * A cursor-paged list of the API: `limit` rows a page, the next cursor from
 * each page, and the rows already shown kept while new filters load.
 */
export function usePagedList<Result extends Page<unknown>>({ queryKey, path, params = {}, limit = 50, enabled = true }: PagedListOptions) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam, signal }) => apiFetch<Result>(`${path}${queryString({ limit, cursor: pageParam, ...params })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** One thing of the API; `enabled: false` once it is deleted, so its page does not refetch it into a 404 while it navigates away. */
export function useApiResource<Result>({ queryKey, path, enabled = true }: { queryKey: QueryKey; path: string; enabled?: boolean }) {
  return useQuery({
    queryKey,
    enabled,
    queryFn: ({ signal }) => apiFetch<Result>(path, { signal }),
    retry: retryUnlessClientError,
  });
}
