import "server-only";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActivitySummaryQuery } from "@/lib/usage/activity-filters";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";
import type { ActivityCounts, ActivitySummary } from "@/lib/usage/contract";
export type { ActivitySummary } from "@/lib/usage/contract";

/**
 * errors: calls that failed (the upstream's error or a timeout); denied calls
 * are counted apart. p95Ms: latency of the calls that went upstream (denied
 * ones are answered at once and left out).
 */
type Counts = ActivityCounts;

const TOP = 20;

type CountRow = { calls: bigint; errors: bigint; denied: bigint; p95: number | null };

const counts = (row: CountRow): Counts => {
  const calls = Number(row.calls);
  const errors = Number(row.errors);
  return { calls, errors, denied: Number(row.denied), errorRate: calls ? errors / calls : 0, p95Ms: row.p95 === null ? null : Math.round(row.p95) };
};

const aggregates = Prisma.sql`
  count(*) AS calls,
  count(*) FILTER (WHERE outcome IN ('ERROR', 'TIMEOUT')) AS errors,
  count(*) FILTER (WHERE outcome = 'DENIED') AS denied,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") FILTER (WHERE outcome <> 'DENIED') AS p95`;

/**
 * Calls per hour, error rate and p95 latency per tool and per service
 * account over a window of the usage records, for the whole organization or
 * one service account. Aggregated in PostgreSQL on the (orgId, createdAt)
 * indexes; nothing but the summary leaves the database.
 */
export async function summarizeToolCalls({
  orgId,
  from,
  to,
  serviceAccountId,
}: { orgId: string; serviceAccountId?: string } & Omit<ActivitySummaryQuery, "serviceAccountId">): Promise<ActivitySummary> {
  if (serviceAccountId) await assertServiceAccountExists({ orgId, serviceAccountId });
  const where = Prisma.sql`"orgId" = ${orgId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to}
    ${serviceAccountId ? Prisma.sql`AND "serviceAccountId" = ${serviceAccountId}::uuid` : Prisma.empty}`;
  const [totals, perHour, byTool, byAccount] = await Promise.all([
    db().$queryRaw<CountRow[]>`SELECT ${aggregates} FROM "ToolCall" WHERE ${where}`,
    db().$queryRaw<{ hour: Date; calls: bigint; errors: bigint; denied: bigint }[]>`
      SELECT date_trunc('hour', "createdAt") AS hour, count(*) AS calls,
        count(*) FILTER (WHERE outcome IN ('ERROR', 'TIMEOUT')) AS errors,
        count(*) FILTER (WHERE outcome = 'DENIED') AS denied
      FROM "ToolCall" WHERE ${where} GROUP BY 1`,
    db().$queryRaw<(CountRow & { tool: string })[]>`
      SELECT "exposedName" AS tool, ${aggregates} FROM "ToolCall" WHERE ${where}
      GROUP BY 1 ORDER BY calls DESC, tool LIMIT ${TOP}`,
    db().$queryRaw<(CountRow & { serviceAccountId: string | null; name: string | null })[]>`
      SELECT c."serviceAccountId"::text AS "serviceAccountId", max(s.name) AS name, ${aggregates}
      FROM (SELECT * FROM "ToolCall" WHERE ${where}) c
      LEFT JOIN "ServiceAccount" s ON s.id = c."serviceAccountId" AND s."orgId" = ${orgId}::uuid
      GROUP BY 1 ORDER BY calls DESC, 1 LIMIT ${TOP}`,
  ]);
  const hours = new Map(perHour.map((h) => [h.hour.getTime(), h]));
  const buckets: ActivitySummary["perHour"] = [];
  for (let t = Math.floor(from.getTime() / 3_600_000) * 3_600_000; t < to.getTime(); t += 3_600_000) {
    const h = hours.get(t);
    buckets.push({ hour: new Date(t).toISOString(), calls: Number(h?.calls ?? 0n), errors: Number(h?.errors ?? 0n), denied: Number(h?.denied ?? 0n) });
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totals: counts(totals[0] ?? { calls: 0n, errors: 0n, denied: 0n, p95: null }),
    perHour: buckets,
    byTool: byTool.map((r) => ({ tool: r.tool, ...counts(r) })),
    byServiceAccount: byAccount.map((r) => ({ serviceAccountId: r.serviceAccountId, name: r.name, ...counts(r) })),
  };
}
