import { db, expect, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

test("grant Write on a server, see why the bot can use its tools, then Full Access with its warning", async ({ page, tenant }) => {
  const server = await db().mcpServer.create({ data: { orgId: tenant.orgId, name: "Search", slug: "search", url: "https://search.example.test/mcp" } });
  await db().catalogTool.create({ data: { orgId: tenant.orgId, serverId: server.id, name: "query", exposedName: "search__query", description: "Searches", inputSchema: { type: "object" } } });
  await db().toolset.create({ data: { orgId: tenant.orgId, name: "Unused set" } });
  await signInPage(page, tenant.owner);
  const headers = { "content-type": "application/json", origin: E2E.baseURL };
  const account = await (await page.request.post(`/v1/orgs/${tenant.slug}/service-accounts`, { headers, data: { name: "search-bot" } })).json();

  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await expect(page.getByRole("heading", { name: "Permissions", level: 2 })).toBeVisible();
  await expect(page.getByText("This account can use nothing over MCP yet. Assign a toolset or grant Write on a server.")).toBeVisible();

  // Choosing a level is a draft: nothing is granted until Save.
  await page.getByLabel("Access to Search").selectOption("WRITE");
  await expect(page.getByRole("button", { name: "Save access to Search" })).toBeVisible();
  expect(await db().grant.count({ where: { serviceAccountId: account.id } })).toBe(0);
  await page.getByRole("button", { name: "Save access to Search" }).click();
  await expect(page.getByText("Server grant: Write")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "search__query" })).toBeVisible();
  const grant = await db().grant.findFirstOrThrow({ where: { serviceAccountId: account.id } });
  expect(grant).toMatchObject({ resourceType: "MCP_SERVER", resourceId: server.id, level: "WRITE" });

  await page.getByLabel("Access to Search").selectOption("NONE");
  await page.getByRole("button", { name: "Save access to Search" }).click();
  await expect(page.getByText("This account can use nothing over MCP yet.", { exact: false })).toBeVisible();
  expect(await db().grant.count({ where: { serviceAccountId: account.id } })).toBe(0);

  // The radio stays on Restricted until the warning is confirmed.
  await page.getByRole("radio", { name: "Full Access" }).click();
  const confirm = page.getByRole("dialog", { name: "Give Full Access?" });
  await expect(confirm).toContainText("Write on every MCP server and toolset of the organization");
  await confirm.getByRole("button", { name: "Give Full Access" }).click();
  await expect(page.getByText("Full Access", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "search__query" })).toBeVisible();
  expect((await db().serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).accessMode).toBe("FULL_ACCESS");

  // Back to Restricted asks too.
  await page.getByRole("radio", { name: "Restricted" }).click();
  const restrict = page.getByRole("dialog", { name: "Switch to Restricted?" });
  await restrict.getByRole("button", { name: "Cancel" }).click();
  expect((await db().serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).accessMode).toBe("FULL_ACCESS");

  const events = (await db().auditEvent.findMany({ where: { orgId: tenant.orgId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
  expect(events).toEqual(["service_account.create", "grants.update", "grants.update", "access_mode.update"]);
});
