import type { ActivitySummary, ActivityWindow } from "@/lib/client/activity";

/** One bar of the calls chart: the calls that went through, failed, or were denied. */
export type CallBucket = { start: string; label: string; ok: number; errors: number; denied: number; calls: number };

const HOUR = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const DAY_HOUR = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "numeric", minute: "2-digit" });
const DAY = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

/**
 * The bars of the calls chart: one per hour for a day or a week, one per day
 * (the reader's days) for a month, where 720 hourly bars would be slivers.
 */
export function callBuckets(perHour: ActivitySummary["perHour"], timeWindow: ActivityWindow): CallBucket[] {
  const daily = timeWindow === "30d";
  const buckets = new Map<string, CallBucket>();
  for (const hour of perHour) {
    const at = new Date(hour.hour);
    const key = daily ? new Date(at.getFullYear(), at.getMonth(), at.getDate()).toISOString() : hour.hour;
    const label = daily ? DAY.format(at) : timeWindow === "24h" ? HOUR.format(at) : DAY_HOUR.format(at);
    const bucket = buckets.get(key) ?? { start: key, label, ok: 0, errors: 0, denied: 0, calls: 0 };
    bucket.calls += hour.calls;
    bucket.errors += hour.errors;
    bucket.denied += hour.denied;
    bucket.ok = bucket.calls - bucket.errors - bucket.denied;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}

/** "12.5%": one decimal, so a rate can be checked against the counts behind it. */
export function formatPercent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** "840 ms", or a dash when there were no calls to measure. */
export function formatMs(ms: number | null): string {
  return ms === null ? "—" : `${ms.toLocaleString("en-US")} ms`;
}
