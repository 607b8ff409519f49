import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { CallOutcome } from "@/lib/generated/prisma/enums";
import { createTenant } from "@/lib/testing/fixtures";
import { percentileCont } from "@/lib/testing/percentile";
import { resetDatabase } from "@/lib/testing/reset-database";
import { activitySummaryQuerySchema } from "@/lib/usage/activity-filters";
import { summarizeToolCalls } from "@/lib/usage/summarize-tool-calls";

const from = new Date("2026-01-10T00:00:00Z");
const to = new Date("2026-01-10T06:00:00Z");
const WINDOW = { from, to, serviceAccountId: undefined };
const at = (hour: number, minute = 0, ms = 0) => new Date(from.getTime() + hour * 3_600_000 + minute * 60_000 + ms);

type Seed = { tool: string; outcome: CallOutcome; durationMs: number; createdAt: Date; account: "alpha" | "beta" | null };

let org: { id: string };
let accounts: Record<"alpha" | "beta", string>;

beforeEach(async () => {
  await resetDatabase();
  org = (await createTenant()).org;
  const [alpha, beta] = await Promise.all(["alpha-bot", "beta-bot"].map((name) => db().serviceAccount.create({ data: { orgId: org.id, name } })));
  accounts = { alpha: alpha.id, beta: beta.id };
});

async function seed(orgId: string, rows: Seed[], ids: Record<string, string> = accounts) {
  await db().toolCall.createMany({
    data: rows.map((r) => ({ orgId, exposedName: r.tool, outcome: r.outcome, durationMs: r.durationMs, createdAt: r.createdAt, serviceAccountId: r.account ? ids[r.account] : null })),
  });
}

const IN_WINDOW: Seed[] = [
  { tool: "search", outcome: "OK", durationMs: 10, createdAt: at(0, 5), account: "alpha" },
  { tool: "search", outcome: "ERROR", durationMs: 200, createdAt: at(0, 40), account: "alpha" },
  { tool: "search", outcome: "OK", durationMs: 30, createdAt: at(2, 1), account: "beta" },
  { tool: "deploy", outcome: "TIMEOUT", durationMs: 1000, createdAt: at(2, 30), account: "beta" },
  { tool: "deploy", outcome: "DENIED", durationMs: 0, createdAt: at(2, 31), account: null },
  { tool: "search", outcome: "OK", durationMs: 55, createdAt: at(5, 59, 59_999), account: "alpha" },
];
// Just outside: `to` is exclusive, `from` inclusive.
const OUTSIDE: Seed[] = [
  { tool: "search", outcome: "ERROR", durationMs: 9_999, createdAt: to, account: "alpha" },
  { tool: "search", outcome: "ERROR", durationMs: 9_999, createdAt: new Date(from.getTime() - 1), account: "beta" },
];

function expected(rows: Seed[]) {
  const errors = rows.filter((r) => r.outcome === "ERROR" || r.outcome === "TIMEOUT").length;
  // Latency of the calls that went upstream: a denied call takes no time and would flatter it.
  const p95 = percentileCont(rows.filter((r) => r.outcome !== "DENIED").map((r) => r.durationMs), 0.95);
  return {
    calls: rows.length,
    errors,
    denied: rows.filter((r) => r.outcome === "DENIED").length,
    errorRate: rows.length ? errors / rows.length : 0,
    p95Ms: p95 === null ? null : Math.round(p95),
  };
}

describe("summarizeToolCalls", () => {
  it("counts the window's calls in hourly buckets, empty hours included, and nothing outside it", async () => {
    await seed(org.id, [...IN_WINDOW, ...OUTSIDE]);
    const summary = await summarizeToolCalls({ orgId: org.id, ...WINDOW });

    expect(summary.totals).toEqual(expected(IN_WINDOW));
    expect(summary.perHour.map((h) => h.hour)).toEqual([0, 1, 2, 3, 4, 5].map((h) => at(h).toISOString()));
    expect(summary.perHour.map(({ calls, errors, denied }) => [calls, errors, denied])).toEqual([
      [2, 1, 0],
      [0, 0, 0],
      [3, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it("gives each tool its error rate and its p95 (percentile_cont), busiest first", async () => {
    await seed(org.id, [...IN_WINDOW, ...OUTSIDE]);
    const { byTool } = await summarizeToolCalls({ orgId: org.id, ...WINDOW });
    const ofTool = (tool: string) => ({ tool, ...expected(IN_WINDOW.filter((r) => r.tool === tool)) });
    expect(byTool).toEqual([ofTool("search"), ofTool("deploy")]);
    // Not a degenerate check: the interpolated p95 of search differs from its maximum.
    expect(byTool[0].p95Ms).toBeLessThan(200);
    expect(byTool[0].p95Ms).toBeGreaterThan(55);
  });

  it("groups by service account, with org-wide tokens as one null caller", async () => {
    await seed(org.id, IN_WINDOW);
    const { byServiceAccount } = await summarizeToolCalls({ orgId: org.id, ...WINDOW });
    const of = (account: Seed["account"], name: string | null) => ({
      serviceAccountId: account ? accounts[account] : null,
      name,
      ...expected(IN_WINDOW.filter((r) => r.account === account)),
    });
    expect(byServiceAccount).toEqual([of("alpha", "alpha-bot"), of("beta", "beta-bot"), of(null, null)]);
  });

  it("summarizes one service account alone", async () => {
    await seed(org.id, IN_WINDOW);
    const summary = await summarizeToolCalls({ orgId: org.id, ...WINDOW, serviceAccountId: accounts.beta });
    const beta = IN_WINDOW.filter((r) => r.account === "beta");
    expect(summary.totals).toEqual(expected(beta));
    expect(summary.byTool.map((t) => t.tool).sort()).toEqual(["deploy", "search"]);
    expect(summary.byServiceAccount).toEqual([{ serviceAccountId: accounts.beta, name: "beta-bot", ...expected(beta) }]);
    expect(summary.perHour.reduce((sum, h) => sum + h.calls, 0)).toBe(beta.length);
  });

  it("never counts another organization's calls, and treats its service account as not found", async () => {
    const other = (await createTenant()).org;
    const stranger = await db().serviceAccount.create({ data: { orgId: other.id, name: "stranger-bot" } });
    await seed(org.id, IN_WINDOW);
    await seed(other.id, IN_WINDOW.map((r) => ({ ...r, account: r.account && "alpha" })), { alpha: stranger.id });

    const summary = await summarizeToolCalls({ orgId: org.id, ...WINDOW });
    expect(summary.totals.calls).toBe(IN_WINDOW.length);
    expect(summary.byServiceAccount.map((a) => a.serviceAccountId)).not.toContain(stranger.id);

    const error = await summarizeToolCalls({ orgId: org.id, ...WINDOW, serviceAccountId: stranger.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
  });

  it("answers an empty window with zeros and a null p95", async () => {
    const summary = await summarizeToolCalls({ orgId: org.id, ...WINDOW });
    expect(summary.totals).toEqual({ calls: 0, errors: 0, denied: 0, errorRate: 0, p95Ms: null });
    expect(summary.perHour).toHaveLength(6);
    expect(summary.byTool).toEqual([]);
    expect(summary.byServiceAccount).toEqual([]);
  });
});

describe("activitySummaryQuerySchema", () => {
  it("defaults to the 24 hours up to the next full hour, and refuses windows over 90 days or backwards", () => {
    const query = activitySummaryQuerySchema.parse({});
    expect(query.to.getTime() % 3_600_000).toBe(0);
    expect(query.to.getTime() - query.from.getTime()).toBe(24 * 3_600_000);
    expect(query.to.getTime()).toBeGreaterThanOrEqual(Date.now());
    expect(activitySummaryQuerySchema.safeParse({ from: "2026-01-01T00:00:00Z", to: "2026-04-02T00:00:00Z" }).success).toBe(false);
    expect(activitySummaryQuerySchema.safeParse({ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }).success).toBe(false);
    expect(activitySummaryQuerySchema.safeParse({ from: "2026-01-01T00:00:00+02:00", to: "2026-03-31T00:00:00Z" }).success).toBe(true);
  });
});
