"use client";

import { useState } from "react";
import { ActivityTotals } from "@/components/activity/activity-totals";
import { BreakdownCharts } from "@/components/activity/breakdown-charts";
import { CallsChart } from "@/components/activity/calls-chart";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { Select } from "@/components/ui/select";
import { ACTIVITY_WINDOWS, useActivitySummary, type ActivityScope, type ActivityWindow } from "@/lib/client/activity";
import { errorMessage } from "@/lib/client/api";
import { EmptyNotice } from "@/components/ui/empty-state";

/**
 * Totals and charts of the organization's or one account's calls over a
 * window the reader picks. The per-account breakdown only makes sense org-wide.
 */
export function ActivitySummaryPanel({ org, scope }: { org: string; scope: ActivityScope }) {
  const [timeWindow, setTimeWindow] = useState<ActivityWindow>("24h");
  const summary = useActivitySummary(org, scope, timeWindow);
  const byAccount = "organization" in scope;

  return (
    <div className="space-y-4">
      <div className="w-48">
        <Select label="Time window" value={timeWindow} onChange={(e) => setTimeWindow(e.target.value as ActivityWindow)}>
          {(Object.keys(ACTIVITY_WINDOWS) as ActivityWindow[]).map((value) => (
            <option key={value} value={value}>
              {ACTIVITY_WINDOWS[value].label}
            </option>
          ))}
        </Select>
      </div>
      {summary.isPending ? (
        <LoadingState label="Loading the summary…" />
      ) : summary.isError ? (
        <ErrorState title="The summary could not be loaded" detail={errorMessage(summary.error)} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <ActivityTotals totals={summary.data.totals} />
          {summary.data.totals.calls === 0 ? (
            <EmptyNotice>
              No tool calls in the {ACTIVITY_WINDOWS[timeWindow].label.toLowerCase()}.
            </EmptyNotice>
          ) : (
            <>
              <CallsChart summary={summary.data} timeWindow={timeWindow} />
              <BreakdownCharts noun="tool" header="Tool" rows={summary.data.byTool.map((t) => ({ ...t, key: t.tool, label: t.tool }))} />
              {byAccount ? (
                <BreakdownCharts
                  noun="service account"
                  header="Service account"
                  rows={summary.data.byServiceAccount.map((a) => ({
                    ...a,
                    key: a.serviceAccountId ?? "org-wide",
                    label: a.serviceAccountId === null ? "Org-wide tokens" : (a.name ?? "Deleted account"),
                  }))}
                />
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
