"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";
import { serviceAccountKeys, serviceAccountPath } from "@/lib/client/service-accounts";

export type ToolCallOutcome = "OK" | "ERROR" | "DENIED" | "TIMEOUT";
export type ToolCall = {
  id: string;
  exposedName: string;
  outcome: ToolCallOutcome;
  durationMs: number;
  tokenPrefix: string | null;
  argumentBytes: number;
  resultBytes: number;
  errorMessage: string | null;
  requestId: string | null;
  createdAt: string;
};
export type ToolCallFilters = { tool: string; outcome: ToolCallOutcome | "" };

export const TOOL_CALL_OUTCOME_LABELS: Record<ToolCallOutcome, string> = { OK: "OK", ERROR: "Error", DENIED: "Denied", TIMEOUT: "Timeout" };

export const activityKeys = {
  // Under the account's detail key, so dropping a deleted account drops its activity too.
  ofServiceAccount: (org: string, serviceAccountId: string) => [...serviceAccountKeys.detail(org, serviceAccountId), "activity"] as const,
  list: (org: string, serviceAccountId: string, filters: ToolCallFilters) => [...activityKeys.ofServiceAccount(org, serviceAccountId), filters] as const,
};

/** A service account's tool calls, newest first; polled, because calls arrive while the page is open. */
export function useServiceAccountActivity(org: string, serviceAccountId: string, filters: ToolCallFilters, { refetchInterval = 10_000 } = {}) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(org, serviceAccountId, filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<ToolCall>>(`${serviceAccountPath(org, serviceAccountId)}/activity${queryString({ limit: 50, cursor: pageParam, ...filters })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval,
    retry: retryUnlessClientError,
  });
}
