import { logger } from "@/lib/logger";
import { collectUpstreamMetrics } from "@/lib/ops/collect-upstream-metrics";
import { metrics } from "@/lib/ops/metrics-registry";

/** The Prometheus text exposition of this process's metrics, the database-derived gauges refreshed first. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  // A database that does not answer must not take the process's own metrics down with it.
  await collectUpstreamMetrics().catch((error: unknown) => logger.warn("metrics: could not read upstream health", { error }));
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
