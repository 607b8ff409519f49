import { metrics, type McpCallOutcome } from "@/lib/ops/metrics-registry";

/**
 * One MCP tool call through the gateway: the MCP endpoint calls this once per
 * tools/call, with the organization's slug, the upstream's slug (never a
 * tool name: their number is unbounded) and the call's outcome.
 */
export function recordMcpCall({ orgSlug, upstream, outcome, durationMs }: { orgSlug: string; upstream: string; outcome: McpCallOutcome; durationMs: number }): void {
  const labels = { org: orgSlug, upstream, outcome };
  metrics().mcpCalls.inc(labels);
  metrics().mcpDuration.observe(labels, durationMs / 1000);
}
