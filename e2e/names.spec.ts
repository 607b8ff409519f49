import { db, expect, signIn, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

// Issue 14, item 6: names, not ids, in the audit log and Activity.

test("the audit log names its targets (linked while they exist) and shows grant changes per resource", async ({ page, tenant }) => {
  await signIn(page.request, tenant.owner);
  const headers = { "content-type": "application/json", origin: E2E.baseURL };
  const base = `/v1/orgs/${tenant.slug}`;
  const server = await db().mcpServer.create({ data: { orgId: tenant.orgId, name: "Search", slug: "search", url: "https://search.example.test/mcp" } });
  const kept = await (await page.request.post(`${base}/service-accounts`, { headers, data: { name: "kept-bot" } })).json();
  const gone = await (await page.request.post(`${base}/service-accounts`, { headers, data: { name: "gone-bot" } })).json();
  expect((await page.request.patch(`${base}/service-accounts/${kept.id}/grants`, { headers, data: { grants: [{ resourceType: "MCP_SERVER", resourceId: server.id, level: "WRITE" }] } })).status()).toBe(200);
  expect((await page.request.delete(`${base}/service-accounts/${gone.id}`, { headers })).status()).toBe(204);

  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/audit-log`);
  const table = page.getByRole("table", { name: /^Audit events of/ });
  await expect(table.getByRole("link", { name: "kept-bot" }).first()).toHaveAttribute("href", `/${tenant.slug}/service-accounts/${kept.id}`);
  // A deleted account keeps its name in the log, without a link.
  await expect(table.getByText("gone-bot").first()).toBeVisible();
  await expect(table.getByRole("link", { name: "gone-bot" })).toHaveCount(0);
  await expect(table.getByText(kept.id)).toHaveCount(0);

  await table.getByRole("button", { name: "grants.update" }).click();
  const access = page.getByRole("dialog").getByRole("table", { name: "Access changed per resource" });
  await expect(access.getByRole("row").nth(1)).toHaveText(/^Search\s*MCP server\s*None\s*Write$/);
});

test("Activity names the token and says what a denied call means", async ({ page, tenant }) => {
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "calling-bot" } });
  const token = await db().serviceToken.create({
    data: { orgId: tenant.orgId, serviceAccountId: account.id, name: "nightly sync", prefix: "alk_svc_Act10001", tokenHash: `e2e-act-${tenant.orgId}`, expiresAt: new Date(Date.now() + 86400_000) },
  });
  await db().toolCall.create({ data: { orgId: tenant.orgId, serviceAccountId: account.id, tokenId: token.id, exposedName: "search__a_rather_long_tool_name_that_must_not_be_cut", outcome: "DENIED", durationMs: 3 } });
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  // The call's row in Activity (the token also has a row in the token list).
  const row = page.getByRole("row").filter({ hasText: "search__a_rather_long_tool_name_that_must_not_be_cut" });
  await expect(row.getByText("nightly sync")).toBeVisible();
  await expect(row.getByText("This caller may not use the tool (no toolset or grant gives it)")).toBeVisible();
  await expect(row.getByText("search__a_rather_long_tool_name_that_must_not_be_cut")).toBeVisible();
});
