import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startTestUpstream, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { db, expect, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

let upstream: RunningServer;
test.beforeAll(async () => {
  upstream = await startTestUpstream();
});
test.afterAll(async () => {
  await upstream?.close();
});

test("register a server, build a toolset, assign it to a service account: its token sees exactly those tools", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  const headers = { "content-type": "application/json", origin: E2E.baseURL };

  // Register and sync the upstream.
  await page.goto(`/${tenant.slug}/mcp-servers`);
  // The page header's button (an empty list offers a second one).
  await page.locator("header").getByRole("button", { name: "Register server" }).click();
  const register = page.getByRole("dialog");
  await register.getByLabel("Name").fill("Test upstream");
  await register.getByLabel("Slug").fill("upstream");
  await register.getByLabel("URL").fill(upstream.url);
  await register.getByRole("button", { name: "Register server" }).click();
  await expect(page.getByRole("heading", { name: "Test upstream", level: 1 })).toBeVisible();
  await expect(page.getByText("upstream__greet")).toBeVisible();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced: 0 added, 0 removed, 0 changed/)).toBeVisible();

  // A toolset with two of its five tools.
  await page.goto(`/${tenant.slug}/toolsets`);
  await page.locator("header").getByRole("button", { name: "New toolset" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Bots");
  await page.getByRole("dialog").getByRole("button", { name: "Create toolset" }).click();
  await expect(page.getByRole("heading", { name: "Bots", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add tools" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("checkbox", { name: "upstream__greet" }).check();
  await picker.getByRole("checkbox", { name: "upstream__rich" }).check();
  await picker.getByRole("button", { name: "Add selected tools" }).click();
  await expect(page.getByRole("heading", { name: "Tools (2)" })).toBeVisible();

  // A service account with a token; the toolset assigned from its page.
  const account = await (await page.request.post(`/v1/orgs/${tenant.slug}/service-accounts`, { headers, data: { name: "gateway-bot" } })).json();
  const { token } = await (await page.request.post(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })).json();
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await page.getByRole("button", { name: "Assign toolset" }).click();
  await page.getByRole("dialog").getByLabel("Toolset").selectOption({ label: "Bots (2 tools)" });
  await page.getByRole("dialog").getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => db().toolsetAssignment.count({ where: { serviceAccountId: account.id } })).toBe(1);

  // The bot's view, through the official client over the 2026-07-28 revision.
  const client = new Client({ name: "e2e-bot", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${E2E.baseURL}/org/${tenant.slug}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(["upstream__greet", "upstream__rich"]);
  const result = await client.callTool({ name: "upstream__greet", arguments: { name: "Control Room" } });
  expect(result.content).toEqual([{ type: "text", text: "Hello, Control Room!" }]);
  await expect(client.callTool({ name: "upstream__secret", arguments: {} })).rejects.toThrow(/Unknown tool/);
  await client.close();

  // The calls show up as the account's activity.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: /Recent tool calls/ }).getByRole("cell", { name: "upstream__greet" })).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 30_000 });

  // Deleting the server needs its slug typed; its tools then leave the toolset.
  await page.goto(`/${tenant.slug}/mcp-servers`);
  await page.getByRole("link", { name: "Test upstream" }).click();
  await page.getByRole("button", { name: "Delete server" }).click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Delete server" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type the slug to confirm").fill("upstream");
  await confirm.click();
  await expect.poll(() => db().mcpServer.count({ where: { orgId: tenant.orgId } })).toBe(0);
  expect(await db().toolsetTool.count({ where: { toolset: { orgId: tenant.orgId } } })).toBe(0);
});
