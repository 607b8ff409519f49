import { db } from "@/lib/db/prisma";
import { metrics } from "@/lib/ops/metrics-registry";

type UpstreamRow = { org: string; upstream: string; health: "UNKNOWN" | "HEALTHY" | "ERROR"; ageSeconds: number | null };

const STATES = ["healthy", "error", "unknown"] as const;

/**
 * Fills the upstream gauges from the database at scrape time: every enabled
 * upstream's health as of its last sync, and the age of that sync. Every
 * instance reports the same rows (they share the database): use max() across
 * instances in dashboards.
 */
export async function collectUpstreamMetrics(): Promise<void> {
  const rows = await db().$queryRaw<UpstreamRow[]>`
    SELECT o.slug AS org, s.slug AS upstream, s.health::text AS health,
      EXTRACT(EPOCH FROM (now() - s."lastSyncedAt"))::float8 AS "ageSeconds"
    FROM "McpServer" s JOIN "Organization" o ON o.id = s."orgId"
    WHERE s.enabled`;
  const { upstreamHealth, upstreamSyncAge } = metrics();
  upstreamHealth.reset();
  upstreamSyncAge.reset();
  for (const row of rows) {
    const current = row.health.toLowerCase();
    for (const state of STATES) upstreamHealth.set({ org: row.org, upstream: row.upstream, state }, state === current ? 1 : 0);
    if (row.ageSeconds !== null) upstreamSyncAge.set({ org: row.org, upstream: row.upstream }, Math.max(0, Number(row.ageSeconds)));
  }
}
