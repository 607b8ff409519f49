/** Tailwind's palette, for the SVG fills recharts draws. */
export const CHART_COLORS = {
  ok: "#10b981", // emerald-500
  errors: "#ef4444", // red-500
  denied: "#f59e0b", // amber-500
  latency: "#6366f1", // indigo-500
  grid: "#e2e8f0", // slate-200
  axis: "#64748b", // slate-500
} as const;
