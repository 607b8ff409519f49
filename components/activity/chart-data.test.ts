import { describe, expect, it } from "vitest";
import { callBuckets, formatMs, formatPercent } from "@/components/activity/chart-data";

const hour = (iso: string, calls: number, errors = 0, denied = 0) => ({ hour: iso, calls, errors, denied });

describe("callBuckets", () => {
  it("keeps one bar per hour for a day, with the calls that went through apart from errors and denials", () => {
    const buckets = callBuckets([hour("2026-03-04T10:00:00.000Z", 5, 1, 2), hour("2026-03-04T11:00:00.000Z", 0)], "24h");
    expect(buckets.map(({ start, ok, errors, denied, calls }) => ({ start, ok, errors, denied, calls }))).toEqual([
      { start: "2026-03-04T10:00:00.000Z", ok: 2, errors: 1, denied: 2, calls: 5 },
      { start: "2026-03-04T11:00:00.000Z", ok: 0, errors: 0, denied: 0, calls: 0 },
    ]);
  });

  it("sums the hours of each day for a month", () => {
    const hours = Array.from({ length: 48 }, (_, i) => hour(new Date(Date.UTC(2026, 2, 4, i)).toISOString(), 1, i % 2));
    const buckets = callBuckets(hours, "30d");
    expect(buckets.reduce((sum, b) => sum + b.calls, 0)).toBe(48);
    expect(buckets.reduce((sum, b) => sum + b.errors, 0)).toBe(24);
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    expect(buckets.length).toBeLessThanOrEqual(3);
    for (const b of buckets) expect(b.ok).toBe(b.calls - b.errors - b.denied);
  });
});

describe("formatting", () => {
  it("shows rates with one decimal and durations in ms", () => {
    expect(formatPercent(1 / 8)).toBe("12.5%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatMs(1234)).toBe("1,234 ms");
    expect(formatMs(null)).toBe("—");
  });
});
