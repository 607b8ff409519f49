"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/activity/chart-figure";
import { CHART_COLORS } from "@/components/activity/chart-colors";
import { callBuckets } from "@/components/activity/chart-data";
import type { ActivitySummary, ActivityWindow } from "@/lib/client/activity";

/** Calls over the window, stacked: went through, failed (error or timeout), denied. */
export function CallsChart({ summary, timeWindow }: { summary: ActivitySummary; timeWindow: ActivityWindow }) {
  const buckets = callBuckets(summary.perHour, timeWindow);
  const unit = timeWindow === "30d" ? "day" : "hour";
  return (
    <ChartFigure
      title={`Calls per ${unit}`}
      description="Stacked: calls that went through, calls that failed (error or timeout), and calls that were denied."
      height={240}
      table={{
        caption: `Calls per ${unit}`,
        columns: [unit === "day" ? "Day" : "Hour", "Calls", "OK", "Errors", "Denied"],
        rows: buckets.map((b) => ({ key: b.start, cells: [b.label, b.calls, b.ok, b.errors, b.denied] })),
      }}
    >
      <BarChart responsive data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} style={{ width: "100%", height: "100%" }}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: CHART_COLORS.axis }} minTickGap={24} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="ok" name="OK" stackId="calls" fill={CHART_COLORS.ok} isAnimationActive={false} />
        <Bar dataKey="errors" name="Errors" stackId="calls" fill={CHART_COLORS.errors} isAnimationActive={false} />
        <Bar dataKey="denied" name="Denied" stackId="calls" fill={CHART_COLORS.denied} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
