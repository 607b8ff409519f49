import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { db, expect, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

/** The Action column of the audit table, top to bottom. */
function shownActions(page: Page) {
  return page.getByRole("table", { name: /^Audit events of/ }).locator("tbody tr td:nth-child(4)").allInnerTexts();
}

async function storedActions(orgId: string, where: { serviceAccountId?: string } = {}) {
  const rows = await db().auditEvent.findMany({ where: { orgId, ...where }, orderBy: { seq: "desc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

test.describe("Audit log in the browser", () => {
  test("lists, filters, explains, exports and verifies the organization's events, and reports tampering", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    const api = `/v1/orgs/${tenant.slug}`;
    const headers = { "content-type": "application/json", origin: E2E.baseURL };
    const send = async (method: "post" | "patch", path: string, data: object) => {
      const response = await page.request[method](`${api}${path}`, { headers, data });
      expect(response.ok(), `${method} ${path}`).toBe(true);
      return response.json();
    };
    const ci = await send("post", "/service-accounts", { name: "ci-bot", description: "Runs the test suite" });
    const nightly = await send("post", "/service-accounts", { name: "nightly-bot" });
    const ciToken = await send("post", `/service-accounts/${ci.id}/tokens`, { name: "deploy", expiresIn: "1h" });
    const nightlyToken = await send("post", `/service-accounts/${nightly.id}/tokens`, { name: "report", expiresIn: "1h" });
    await send("patch", `/service-accounts/${ci.id}`, { name: "ci-bot-renamed" });

    await page.goto(`/${tenant.slug}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit Log", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Audit Log", level: 1 })).toBeVisible();

    // Newest first: the order the changes were made, reversed.
    const newestFirst = ["service_account.update", "service_token.create", "service_token.create", "service_account.create", "service_account.create"];
    expect(await storedActions(tenant.orgId)).toEqual(newestFirst);
    await expect.poll(() => shownActions(page)).toEqual(newestFirst);

    // By action prefix, then also by service account; the URL carries both, so a reload keeps them.
    await page.getByLabel("Action", { exact: true }).fill("service_token");
    await expect.poll(() => shownActions(page)).toEqual(["service_token.create", "service_token.create"]);
    await page.getByLabel("Service account").selectOption({ label: "ci-bot-renamed" });
    await expect.poll(() => shownActions(page)).toEqual(["service_token.create"]);
    const table = page.getByRole("table", { name: /^Audit events of/ });
    // Targets by name (as recorded at the time), linked to where they live while they exist.
    await expect(table.getByRole("link", { name: "deploy", exact: true })).toHaveAttribute("href", `/${tenant.slug}/service-accounts/${ci.id}`);
    await expect(table.getByText("report", { exact: true })).toHaveCount(0);
    expect(ciToken.id).not.toBe(nightlyToken.id);
    await expect(page).toHaveURL(/action=service_token/);
    await expect(page).toHaveURL(new RegExp(`serviceAccountId=${ci.id}`));
    await page.reload();
    await expect(page.getByLabel("Action", { exact: true })).toHaveValue("service_token");
    await expect(page.getByLabel("Service account")).toHaveValue(ci.id);
    await expect.poll(() => shownActions(page)).toEqual(["service_token.create"]);

    // The CSV export holds the filtered view: a header and that one event.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-log-${tenant.slug}-\\d{8}T\\d{6}\\.csv$`));
    const lines = (await readFile(await download.path(), "utf8")).split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toMatch(/^seq,createdAt,actorKind,actorId,actorLabel,action,targetKind,targetId,serviceAccountId,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",service_token.create,service_token,");
    expect(lines[1]).toContain(ciToken.id);
    expect(lines[1]).not.toContain(nightlyToken.id);

    // One account's events only, whatever they are.
    await page.getByLabel("Action", { exact: true }).fill("");
    await expect.poll(() => shownActions(page)).toEqual(await storedActions(tenant.orgId, { serviceAccountId: ci.id }));
    expect(await shownActions(page)).toEqual(["service_account.update", "service_token.create", "service_account.create"]);

    // The rename, in detail: the name changed, the description did not.
    await table.getByRole("button", { name: "service_account.update" }).click();
    const details = page.getByRole("dialog", { name: /^Event #\d+$/ });
    await expect(details).toBeVisible();
    await expect(details.getByText(tenant.owner.email)).toBeVisible();
    const changed = details.getByRole("table", { name: "Changed fields" });
    await expect(changed.getByRole("row")).toHaveCount(2);
    await expect(changed.getByRole("row").nth(1)).toHaveText(/^name\s*Changed\s*ci-bot\s*ci-bot-renamed$/);
    await details.getByText("1 unchanged field").click();
    await expect(details.getByText("Runs the test suite")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // A time range: from tomorrow there is nothing; from an hour ago, everything (from is inclusive).
    const local = (ms: number) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    // The sidebar link starts over: a navigation to the bare page clears the inputs too.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit Log", exact: true }).click();
    await expect(page.getByLabel("Service account", { exact: true })).toHaveValue("");
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await expect.poll(() => shownActions(page)).toEqual(["audit_log.export", ...newestFirst]);
    await page.getByLabel("From").fill(local(Date.now() + 24 * 3600_000));
    await expect(page.getByRole("status").filter({ hasText: "No events match these filters." })).toBeVisible();
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    await page.getByLabel("From").fill(local(Date.now() - 3600_000));
    await expect.poll(() => shownActions(page)).toEqual(["audit_log.export", ...newestFirst]);

    // An intact chain: every event (the export recorded one more) up to the head the database keeps.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => shownActions(page)).toEqual(["audit_log.export", ...newestFirst]);
    await page.getByRole("button", { name: "Verify integrity" }).click();
    const chain = await db().auditChain.findUniqueOrThrow({ where: { orgId: tenant.orgId } });
    await expect(page.getByRole("status").filter({ hasText: "Chain intact" })).toContainText(
      `Chain intact: ${newestFirst.length + 1} events verified, head hash ${chain.headHash.slice(0, 16)}`,
    );

    // Rewrite the first event behind the log's back (a superuser can switch the triggers off).
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      const changedRows = await tx.$executeRaw`UPDATE "AuditEvent" SET action = 'tampered' WHERE "orgId" = ${tenant.orgId}::uuid AND seq = 1`;
      expect(changedRows).toBe(1);
    });
    await page.getByRole("button", { name: "Verify integrity" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Integrity check failed" });
    await expect(alert).toContainText("Integrity check failed at event #1");
    await expect(alert).toContainText("Event #1 was changed after it was recorded");
    await expect(page.getByRole("status").filter({ hasText: "Chain intact" })).toHaveCount(0);
    // Verifying refreshed the list, so the event opens as it now reads.
    await expect.poll(() => shownActions(page)).toEqual(["audit_log.export", ...newestFirst.slice(0, -1), "tampered"]);
    await alert.getByRole("button", { name: "Open event #1" }).click();
    await expect(page.getByRole("dialog", { name: "Event #1" })).toContainText("tampered");
  });

  test("the service-account filter reaches every account, not just the first page", async ({ page, tenant }) => {
    // More accounts than one page of the picker (50, newest first); fleet-59 is the oldest.
    await db().serviceAccount.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ orgId: tenant.orgId, name: `fleet-${String(i).padStart(2, "0")}`, createdAt: new Date(Date.now() - i * 60_000) })),
    });
    const last = await db().serviceAccount.findFirstOrThrow({ where: { orgId: tenant.orgId, name: "fleet-59" } });
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}/audit-log`);
    const picker = page.getByLabel("Service account", { exact: true });
    await expect(picker.locator("option")).toHaveCount(51);
    await expect(picker.locator("option", { hasText: "fleet-59" })).toHaveCount(0);
    await page.getByLabel("Find a service account").fill("fleet-59");
    await expect(picker.locator("option")).toHaveText(["Any", "fleet-59"]);
    await picker.selectOption({ label: "fleet-59" });
    await expect.poll(() => new URL(page.url()).searchParams.get("serviceAccountId")).toBe(last.id);
    // Cleared search: the chosen account stays chosen and listed.
    await page.getByLabel("Find a service account").fill("");
    await expect(picker).toHaveValue(last.id);
    await expect(picker.locator("option:checked")).toHaveText("fleet-59");
  });

  test("a MEMBER cannot see the audit log", async ({ page, tenant }) => {
    const member = await tenant.addPerson("MEMBER");
    await signInPage(page, member);
    await page.goto(`/${tenant.slug}`);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit Log" })).toHaveCount(0);
    const response = await page.goto(`/${tenant.slug}/audit-log`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    for (const path of ["audit-events", "audit-events/verify", "audit-events/export?format=csv"]) {
      expect((await page.request.get(`/v1/orgs/${tenant.slug}/${path}`)).status(), path).toBe(403);
    }
  });
});
