import type { Counter, Histogram } from "prom-client";
import { metrics, type McpCallOutcome } from "@/lib/ops/metrics-registry";

type Series = { calls: ReturnType<Counter["labels"]>; duration: ReturnType<Histogram["labels"]> };

// The labelled series of each (org, upstream, outcome), looked up once: every
// tools/call records here, and prom-client hashes the label object on each
// plain inc/observe. Keyed to the registry's metrics, so a new one starts afresh.
let cache: { owner: ReturnType<typeof metrics>; series: Map<string, Series> } | null = null;

/**
 * One MCP tool call through the gateway: the MCP endpoint calls this once per
 * tools/call, with the organization's slug, the upstream's slug (never a
 * tool name: their number is unbounded) and the call's outcome.
 */
export function recordMcpCall({ orgSlug, upstream, outcome, durationMs }: { orgSlug: string; upstream: string; outcome: McpCallOutcome; durationMs: number }): void {
  const owner = metrics();
  if (cache?.owner !== owner || cache.series.size > 10_000) cache = { owner, series: new Map() };
  const key = `${orgSlug}\n${upstream}\n${outcome}`;
  let series = cache.series.get(key);
  if (!series) {
    const labels = { org: orgSlug, upstream, outcome };
    series = { calls: owner.mcpCalls.labels(labels), duration: owner.mcpDuration.labels(labels) };
    cache.series.set(key, series);
  }
  series.calls.inc();
  series.duration.observe(durationMs / 1000);
}
