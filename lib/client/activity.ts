"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, queryString, retryUnlessClientError, type Page } from "@/lib/client/api";
import { serviceAccountKeys, serviceAccountPath } from "@/lib/client/service-accounts";
import type { ActivityCounts, ActivitySummary, ToolCallView } from "@/lib/usage/contract";

export type ToolCall = ToolCallView;
export type ToolCallOutcome = ToolCall["outcome"];
/** `serviceAccountId` only filters the org-wide list; an account's own list is scoped by its path. */
export type ToolCallFilters = { tool: string; outcome: ToolCallOutcome | ""; serviceAccountId?: string };

export const TOOL_CALL_OUTCOME_LABELS: Record<ToolCallOutcome, string> = {
  OK: "OK",
  ERROR: "Error",
  DENIED: "Denied",
  TIMEOUT: "Timeout",
  CANCELLED: "Cancelled",
  INPUT_REQUIRED: "Input required",
};

/** Whose activity: the whole organization's, or one service account's. */
export type ActivityScope = { organization: true } | { serviceAccountId: string };
export const ORGANIZATION_SCOPE: ActivityScope = { organization: true };

export type { ActivitySummary };
export type { ActivityCounts };

export type ActivityWindow = "24h" | "7d" | "30d";
export const ACTIVITY_WINDOWS: Record<ActivityWindow, { label: string; days: number }> = {
  "24h": { label: "Last 24 hours", days: 1 },
  "7d": { label: "Last 7 days", days: 7 },
  "30d": { label: "Last 30 days", days: 30 },
};

const HOUR_MS = 3_600_000;

/** The window ending at the next full hour, as the API's default 24 hours does, so the current hour is in it. */
export function windowRange(timeWindow: ActivityWindow, now = Date.now()): { from: string; to: string } {
  const to = Math.ceil(now / HOUR_MS) * HOUR_MS;
  return { from: new Date(to - ACTIVITY_WINDOWS[timeWindow].days * 24 * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

const orgActivityPath = (org: string) => `/v1/orgs/${encodeURIComponent(org)}/activity`;

export const activityKeys = {
  /** An account's activity sits under the account's detail key, so dropping a deleted account drops it too. */
  of: (org: string, scope: ActivityScope) =>
    "organization" in scope ? (["orgs", org, "activity"] as const) : ([...serviceAccountKeys.detail(org, scope.serviceAccountId), "activity"] as const),
  calls: (org: string, scope: ActivityScope, filters: ToolCallFilters) => [...activityKeys.of(org, scope), "calls", filters] as const,
  summary: (org: string, scope: ActivityScope, timeWindow: ActivityWindow) => [...activityKeys.of(org, scope), "summary", timeWindow] as const,
};

/** Tool calls of the organization or of one account, newest first; polled, because calls arrive while the page is open. */
export function useToolCalls(org: string, scope: ActivityScope, filters: ToolCallFilters, { refetchInterval = 10_000 } = {}) {
  const path = "organization" in scope ? `${orgActivityPath(org)}/calls` : `${serviceAccountPath(org, scope.serviceAccountId)}/activity`;
  return useInfiniteQuery({
    queryKey: activityKeys.calls(org, scope, filters),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<ToolCall>>(`${path}${queryString({ limit: 50, cursor: pageParam, ...filters })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval,
    retry: retryUnlessClientError,
  });
}

/** Calls per hour, and error rate and p95 latency per tool and per account, over the window; the window moves on with each refetch. */
export function useActivitySummary(org: string, scope: ActivityScope, timeWindow: ActivityWindow, { refetchInterval = 60_000 } = {}) {
  const path = "organization" in scope ? `${orgActivityPath(org)}/summary` : `${serviceAccountPath(org, scope.serviceAccountId)}/activity/summary`;
  return useQuery({
    queryKey: activityKeys.summary(org, scope, timeWindow),
    queryFn: ({ signal }) => apiFetch<ActivitySummary>(`${path}${queryString(windowRange(timeWindow))}`, { signal }),
    refetchInterval,
    retry: retryUnlessClientError,
  });
}
