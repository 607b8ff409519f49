import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/ops/metrics-registry";

// The starter dashboard in docs/ must chart metrics that exist: a renamed
// metric would leave a panel silently empty.

describe("docs/grafana-dashboard.json", () => {
  it("queries only metrics the app exports", async () => {
    const dashboard = JSON.parse(readFileSync(path.join(process.cwd(), "docs", "grafana-dashboard.json"), "utf8"));
    const exprs: string[] = dashboard.panels.flatMap((panel: { targets?: { expr: string }[] }) => (panel.targets ?? []).map((t) => t.expr));
    const used = new Set(exprs.flatMap((expr) => [...expr.matchAll(/\bcontrol_room_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ""))));
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });
});
