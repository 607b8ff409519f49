"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/activity/chart-figure";
import { CHART_COLORS } from "@/components/activity/chart-colors";
import { formatMs, formatPercent } from "@/components/activity/chart-data";
import type { ActivityCounts } from "@/lib/client/activity";

export type BreakdownRow = ActivityCounts & { key: string; label: string };

const ROW_HEIGHT = 28;

/** Error rate and p95 latency side by side, one bar per tool or per caller, busiest first. */
export function BreakdownCharts({ noun, header, rows }: { noun: string; header: string; rows: BreakdownRow[] }) {
  const height = Math.max(120, rows.length * ROW_HEIGHT + 40);
  const tick = { fontSize: 11, fill: CHART_COLORS.axis };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure
        title={`Error rate per ${noun}`}
        description="Share of calls that failed with an error or a timeout. Denied calls are not errors."
        height={height}
        table={{
          caption: `Error rate per ${noun}`,
          columns: [header, "Calls", "Errors", "Denied", "Error rate"],
          rows: rows.map((r) => ({ key: r.key, cells: [r.label, r.calls, r.errors, r.denied, formatPercent(r.errorRate)] })),
        }}
      >
        <BarChart responsive layout="vertical" data={rows} margin={{ top: 0, right: 16, bottom: 0, left: 8 }} style={{ width: "100%", height: "100%" }}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={tick} />
          <YAxis type="category" dataKey="label" width={140} tick={tick} interval={0} />
          <Tooltip formatter={(value) => formatPercent(Number(value))} />
          <Bar dataKey="errorRate" name="Error rate" fill={CHART_COLORS.errors} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
      <ChartFigure
        title={`p95 latency per ${noun}`}
        description="95 of 100 calls finished within this time."
        height={height}
        table={{
          caption: `p95 latency per ${noun}`,
          columns: [header, "Calls", "p95 latency"],
          rows: rows.map((r) => ({ key: r.key, cells: [r.label, r.calls, formatMs(r.p95Ms)] })),
        }}
      >
        <BarChart responsive layout="vertical" data={rows} margin={{ top: 0, right: 16, bottom: 0, left: 8 }} style={{ width: "100%", height: "100%" }}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => `${v} ms`} tick={tick} />
          <YAxis type="category" dataKey="label" width={140} tick={tick} interval={0} />
          <Tooltip formatter={(value) => formatMs(Number(value))} />
          <Bar dataKey="p95Ms" name="p95 latency" fill={CHART_COLORS.latency} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}
