import { useId } from "react";
import { formatMs, formatPercent } from "@/components/activity/chart-data";
import type { ActivityCounts } from "@/lib/client/activity";

/** The window at a glance: how many calls, how many failed, how slow the slow ones were. */
export function ActivityTotals({ totals }: { totals: ActivityCounts }) {
  return (
    <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      <Total label="Calls" value={totals.calls.toLocaleString("en-US")} />
      <Total label="Error rate" value={formatPercent(totals.errorRate)} detail={`${totals.errors.toLocaleString("en-US")} failed (error or timeout)`} />
      <Total label="Denied" value={totals.denied.toLocaleString("en-US")} detail="Refused by the gateway" />
      <Total label="p95 latency" value={formatMs(totals.p95Ms)} detail="95 in 100 calls took at most this long" />
    </div>
  );
}

/** One figure as a named group, so "Error rate: 12.5%" reads as one thing. */
function Total({ label, value, detail }: { label: string; value: string; detail?: string }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="rounded-lg border border-slate-200 bg-white p-4">
      <p id={labelId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {label}
      </p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
      {detail ? <p className="text-xs text-slate-500">{detail}</p> : null}
    </div>
  );
}
