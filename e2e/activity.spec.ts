import type { Locator, Page } from "@playwright/test";
import type { CallOutcome } from "@/lib/generated/prisma/enums";
import { MIN_AUDIT_RETENTION_DAYS } from "@/lib/orgs/org-settings-schema";
import { percentileCont } from "@/lib/testing/percentile";
import { db, expect, signInPage, test } from "./fixtures";

type Seed = { tool: string; outcome: CallOutcome; durationMs: number; minutesAgo: number; account: "alpha" | "beta" | null };

// Two accounts, two tools, every outcome; one org-wide token call; one call 3 days back.
const SEEDS: Seed[] = [
  { tool: "docs__search", outcome: "OK", durationMs: 12, minutesAgo: 5, account: "alpha" },
  { tool: "docs__search", outcome: "OK", durationMs: 40, minutesAgo: 20, account: "alpha" },
  { tool: "docs__search", outcome: "ERROR", durationMs: 310, minutesAgo: 65, account: "alpha" },
  { tool: "docs__search", outcome: "OK", durationMs: 95, minutesAgo: 130, account: "beta" },
  { tool: "docs__search", outcome: "DENIED", durationMs: 1, minutesAgo: 140, account: "beta" },
  { tool: "ci__deploy", outcome: "OK", durationMs: 800, minutesAgo: 10, account: "beta" },
  { tool: "ci__deploy", outcome: "TIMEOUT", durationMs: 5000, minutesAgo: 75, account: "beta" },
  { tool: "ci__deploy", outcome: "DENIED", durationMs: 2, minutesAgo: 200, account: "alpha" },
  { tool: "ci__deploy", outcome: "OK", durationMs: 650, minutesAgo: 30, account: null },
  { tool: "ci__deploy", outcome: "ERROR", durationMs: 4200, minutesAgo: 3 * 24 * 60, account: "alpha" },
];
const LAST_DAY = SEEDS.filter((s) => s.minutesAgo < 24 * 60);

/** What the page should show for these calls, computed the way the API does (percentile_cont for p95). */
function stats(rows: Seed[]) {
  const errors = rows.filter((r) => r.outcome === "ERROR" || r.outcome === "TIMEOUT").length;
  const denied = rows.filter((r) => r.outcome === "DENIED").length;
  // Latency of the calls that went upstream: a denied call takes no time and would flatter it.
  const p95 = percentileCont(rows.filter((r) => r.outcome !== "DENIED").map((r) => r.durationMs), 0.95);
  return {
    calls: String(rows.length),
    errors: String(errors),
    denied: String(denied),
    errorRate: `${((errors / rows.length) * 100).toFixed(1)}%`,
    p95: p95 === null ? "—" : `${Math.round(p95).toLocaleString("en-US")} ms`,
  };
}

async function seedTenant(orgId: string) {
  const [alpha, beta] = await Promise.all(["alpha-bot", "beta-bot"].map((name) => db().serviceAccount.create({ data: { orgId, name } })));
  const ids = { alpha: alpha.id, beta: beta.id };
  await db().toolCall.createMany({
    data: SEEDS.map((s) => ({
      orgId,
      serviceAccountId: s.account ? ids[s.account] : null,
      exposedName: s.tool,
      outcome: s.outcome,
      durationMs: s.durationMs,
      errorMessage: s.outcome === "ERROR" ? "upstream failed" : null,
      createdAt: new Date(Date.now() - s.minutesAgo * 60_000),
    })),
  });
  return ids;
}

async function expectTotals(page: Page, rows: Seed[]) {
  const expected = stats(rows);
  const total = (name: string) => page.getByRole("group", { name, exact: true });
  await expect(total("Calls").getByText(expected.calls, { exact: true })).toBeVisible();
  await expect(total("Error rate").getByText(expected.errorRate, { exact: true })).toBeVisible();
  await expect(total("Denied").getByText(expected.denied, { exact: true })).toBeVisible();
  await expect(total("p95 latency").getByText(expected.p95, { exact: true })).toBeVisible();
}

/** Opens a chart's data table and returns the cells of the row headed `name`. */
async function chartRow(figure: Locator, name: string) {
  const table = figure.getByRole("table");
  if (!(await table.isVisible())) await figure.getByText("Show data table").click();
  return table.getByRole("row").filter({ has: figure.page().getByRole("rowheader", { name, exact: true }) }).getByRole("cell");
}

async function expectBreakdown(page: Page, noun: string, label: string, rows: Seed[]) {
  const expected = stats(rows);
  const errorFigure = page.getByRole("figure", { name: `Error rate per ${noun}` });
  await expect(errorFigure.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(await chartRow(errorFigure, label)).toHaveText([expected.calls, expected.errors, expected.denied, expected.errorRate]);
  const latencyFigure = page.getByRole("figure", { name: `p95 latency per ${noun}` });
  await expect(await chartRow(latencyFigure, label)).toHaveText([expected.calls, expected.p95]);
}

test.describe("Activity", () => {
  test("the org-wide page sums up the calls, charts them, and filters the recent calls", async ({ page, tenant }) => {
    const ids = await seedTenant(tenant.orgId);
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();

    // The last 24 hours: the call of 3 days ago is not in it.
    await expectTotals(page, LAST_DAY);
    const callsFigure = page.getByRole("figure", { name: "Calls per hour" });
    await expect(callsFigure.locator("svg.recharts-surface").first()).toBeVisible();
    const hourly = callsFigure.getByRole("table");
    await callsFigure.getByText("Show data table").click();
    await expect(hourly.getByRole("row")).toHaveCount(24 + 1);
    const sum = async (column: number) =>
      (await hourly.locator("tbody tr").evaluateAll((trs, i) => trs.map((tr) => Number(tr.children[i]?.textContent)), column)).reduce((a, b) => a + b, 0);
    expect(await sum(1)).toBe(LAST_DAY.length);
    expect(await sum(3)).toBe(Number(stats(LAST_DAY).errors));

    for (const tool of ["docs__search", "ci__deploy"]) await expectBreakdown(page, "tool", tool, LAST_DAY.filter((s) => s.tool === tool));
    await expectBreakdown(page, "service account", "alpha-bot", LAST_DAY.filter((s) => s.account === "alpha"));
    await expectBreakdown(page, "service account", "beta-bot", LAST_DAY.filter((s) => s.account === "beta"));
    await expectBreakdown(page, "service account", "Org-wide tokens", LAST_DAY.filter((s) => s.account === null));

    // A wider window takes in the older call.
    await page.getByLabel("Time window").selectOption({ label: "Last 7 days" });
    await expectTotals(page, SEEDS);

    // The recent calls, filtered by outcome, then by caller.
    const filters = page.getByRole("region", { name: "Recent calls" });
    const recent = filters.getByRole("table", { name: `Recent tool calls of Org ${tenant.slug}` });
    const rows = recent.locator("tbody tr");
    await expect(rows).toHaveCount(SEEDS.length);
    await filters.getByLabel("Outcome").selectOption({ label: "Denied" });
    await expect(rows).toHaveCount(SEEDS.filter((s) => s.outcome === "DENIED").length);
    for (const row of await rows.all()) await expect(row).toContainText("Denied");
    await filters.getByLabel("Outcome").selectOption({ label: "All" });
    await filters.getByLabel("Service account").selectOption({ label: "beta-bot" });
    await expect(rows).toHaveCount(SEEDS.filter((s) => s.account === "beta").length);
    for (const row of await rows.all()) await expect(row.getByRole("link", { name: "beta-bot" })).toBeVisible();

    // The caller links to the account, whose page shows its numbers only, per tool only.
    await rows.first().getByRole("link", { name: "beta-bot" }).click();
    await expect(page).toHaveURL(new RegExp(`/service-accounts/${ids.beta}$`));
    await expect(page.getByRole("heading", { name: "beta-bot", level: 1 })).toBeVisible();
    const beta = LAST_DAY.filter((s) => s.account === "beta");
    await expectTotals(page, beta);
    for (const tool of ["docs__search", "ci__deploy"]) await expectBreakdown(page, "tool", tool, beta.filter((s) => s.tool === tool));
    await expect(page.getByRole("figure", { name: "Error rate per service account" })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Recent tool calls of beta-bot" }).locator("tbody tr")).toHaveCount(SEEDS.filter((s) => s.account === "beta").length);
  });

  test("data retention settings are saved, and the API's field errors show under their input", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data retention" }).click();
    await expect(page.getByRole("heading", { name: "Data retention", level: 1 })).toBeVisible();
    const audit = page.getByLabel("Audit log retention (days)");
    const usage = page.getByLabel("Usage retention (days)");
    const initial = await db().organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    await expect(audit).toHaveValue(String(initial.auditRetentionDays));
    await expect(usage).toHaveValue(String(initial.usageRetentionDays));

    await audit.fill("400");
    await usage.fill("14");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.reload();
    await expect(audit).toHaveValue("400");
    await expect(usage).toHaveValue("14");

    await audit.fill("5");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(audit).toHaveAttribute("aria-invalid", "true");
    await expect(audit).toHaveAccessibleDescription(new RegExp(`At least ${MIN_AUDIT_RETENTION_DAYS} days`));
    await expect(audit).toBeFocused();
    await expect(usage).not.toHaveAttribute("aria-invalid", "true");
    const after = await db().organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    expect([after.auditRetentionDays, after.usageRetentionDays]).toEqual([400, 14]);
  });

  test("a MEMBER cannot open Activity or Data retention", async ({ page, tenant }) => {
    const member = await tenant.addPerson("MEMBER");
    await signInPage(page, member);
    for (const path of ["activity", "settings/retention"]) {
      expect((await page.goto(`/${tenant.slug}/${path}`))?.status(), path).toBe(403);
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toHaveCount(0);
  });
});
