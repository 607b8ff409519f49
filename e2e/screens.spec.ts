import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { db, expect, signInPage, test, type Tenant } from "./fixtures";

// Issue 14, items 2, 3 and 10: every page at 1440×900 and 390×844 (screenshots
// in the report), no page wider than the viewport, actions in reach, a skip
// link, focus on the heading after navigation, and axe on every page and the
// main dialogs, failing on serious or critical findings.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

type Seeded = { accountId: string; toolsetId: string; serverId: string; groupId: string; tokenPrefix: string };

async function seed(tenant: Tenant): Promise<Seeded> {
  const orgId = tenant.orgId;
  const account = await db().serviceAccount.create({ data: { orgId, name: "release-bot-with-a-rather-long-name", description: "Publishes releases from CI" } });
  const prefix = "alk_svc_Scrn0001";
  const token = await db().serviceToken.create({
    data: { orgId, serviceAccountId: account.id, name: "GitHub Actions deploy", prefix, tokenHash: `e2e-screens-${orgId}`, expiresAt: new Date(Date.now() + 3 * 86400_000), createdById: tenant.owner.id, rateLimitPerMinute: 120 },
  });
  await db().serviceToken.create({
    data: { orgId, orgWide: true, name: "ops", prefix: "alk_svc_Scrn0002", tokenHash: `e2e-screens-2-${orgId}`, expiresAt: new Date(Date.now() + 90 * 86400_000), createdById: tenant.owner.id },
  });
  const server = await db().mcpServer.create({ data: { orgId, name: "Search", slug: "search", url: "https://search.example.test/mcp", health: "ERROR", lastError: "connect ECONNREFUSED", lastErrorAt: new Date() } });
  const tool = await db().catalogTool.create({ data: { orgId, serverId: server.id, name: "query", exposedName: "search__query", description: "Searches the index", inputSchema: { type: "object" } } });
  const toolset = await db().toolset.create({ data: { orgId, name: "Release tools", description: "What the release bot needs" } });
  await db().toolsetTool.create({ data: { orgId, toolsetId: toolset.id, toolId: tool.id } });
  await db().toolsetAssignment.create({ data: { orgId, toolsetId: toolset.id, serviceAccountId: account.id } });
  const group = await db().group.create({ data: { orgId, name: "Release Engineering" } });
  await db().groupMember.create({ data: { orgId, groupId: group.id, userId: tenant.owner.id } });
  await db().networkRule.create({ data: { orgId, cidr: "203.0.113.0/24", label: "Office" } });
  await db().toolCall.createMany({
    data: (["OK", "ERROR", "DENIED"] as const).map((outcome, i) => ({ orgId, serviceAccountId: account.id, tokenId: token.id, exposedName: "search__query", serverId: server.id, outcome, durationMs: 10 + i })),
  });
  return { accountId: account.id, toolsetId: toolset.id, serverId: server.id, groupId: group.id, tokenPrefix: prefix };
}

const pagesOf = (slug: string, s: Seeded) => [
  { name: "overview", path: `/${slug}` },
  { name: "service-accounts", path: `/${slug}/service-accounts` },
  { name: "service-account", path: `/${slug}/service-accounts/${s.accountId}` },
  { name: "toolsets", path: `/${slug}/toolsets` },
  { name: "toolset", path: `/${slug}/toolsets/${s.toolsetId}` },
  { name: "mcp-servers", path: `/${slug}/mcp-servers` },
  { name: "mcp-server", path: `/${slug}/mcp-servers/${s.serverId}` },
  { name: "activity", path: `/${slug}/activity` },
  { name: "audit-log", path: `/${slug}/audit-log` },
  { name: "api-reference", path: `/${slug}/api-reference` },
  { name: "members", path: `/${slug}/settings/members` },
  { name: "groups", path: `/${slug}/settings/groups` },
  { name: "group", path: `/${slug}/settings/groups/${s.groupId}` },
  { name: "service-tokens", path: `/${slug}/settings/service-tokens` },
  { name: "network", path: `/${slug}/settings/network` },
  { name: "retention", path: `/${slug}/settings/retention` },
];

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("#main h1").first()).toBeVisible();
  // Let the data arrive: no loading state left.
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

const overflow = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // Kept as a file beside the test's output too (test-results/), and attached to the report.
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function expectNoSeriousAxeFindings(page: Page, what: string, include?: string) {
  // target-size (WCAG 2.2 AA, 24 px targets) is off in axe by default: the issue found two, so check it too.
  let builder = new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
  expect.soft(serious, `axe on ${what}`).toEqual([]);
}

test.describe("Every page on a desktop and on a phone", () => {
  test.setTimeout(180_000);

  test("at 1440×900: screenshots, axe finds nothing serious on any page", async ({ page, tenant }, testInfo) => {
    await page.setViewportSize(DESKTOP);
    const seeded = await seed(tenant);
    await signInPage(page, tenant.owner);
    for (const { name, path } of pagesOf(tenant.slug, seeded)) {
      await open(page, path);
      await shot(page, testInfo, `desktop-${name}`);
      await expectNoSeriousAxeFindings(page, name);
    }
  });

  test("at 390×844: no page is wider than the viewport, screenshots, the row actions are in reach", async ({ page, tenant }, testInfo) => {
    await page.setViewportSize(PHONE);
    const seeded = await seed(tenant);
    await signInPage(page, tenant.owner);
    for (const { name, path } of pagesOf(tenant.slug, seeded)) {
      await open(page, path);
      const { scrollWidth, innerWidth } = await overflow(page);
      expect.soft(scrollWidth, `${name} is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
      await shot(page, testInfo, `phone-${name}`);
    }
    // The token row's actions stay on screen even though the table scrolls.
    await open(page, `/${tenant.slug}/service-accounts/${seeded.accountId}`);
    for (const label of [`Roll token ${seeded.tokenPrefix}`, `Revoke token ${seeded.tokenPrefix}`]) {
      const button = page.getByRole("button", { name: label });
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport();
    }
    await page.getByRole("button", { name: `Revoke token ${seeded.tokenPrefix}` }).click();
    await expect(page.getByRole("dialog", { name: "Revoke token?" })).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

    await open(page, `/${tenant.slug}/settings/service-tokens`);
    const permissions = page.getByRole("button", { name: "Permissions for token alk_svc_Scrn0002" });
    await permissions.scrollIntoViewIfNeeded();
    await expect(permissions).toBeInViewport();
  });

  test("at 320 px wide every page still fits", async ({ page, tenant }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const seeded = await seed(tenant);
    await signInPage(page, tenant.owner);
    for (const { name, path } of pagesOf(tenant.slug, seeded)) {
      await open(page, path);
      const { scrollWidth, innerWidth } = await overflow(page);
      expect.soft(scrollWidth, `${name} is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
    }
  });

  test("at 390×844 the navigation is a menu: it opens a drawer, navigates and closes", async ({ page, tenant }) => {
    await page.setViewportSize(PHONE);
    await signInPage(page, tenant.owner);
    await open(page, `/${tenant.slug}`);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await page.getByRole("button", { name: "Menu" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expectNoSeriousAxeFindings(page, "the navigation drawer");
    await drawer.getByRole("link", { name: "Service Accounts" }).click();
    await expect(page.getByRole("heading", { name: "Service Accounts", level: 1 })).toBeVisible();
    await expect(drawer).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Navigation" })).toBeHidden();
  });
});

test("a skip link leads to the content, and after navigating the focus is on the new page's heading", async ({ page, tenant }) => {
  await page.setViewportSize(DESKTOP);
  await signInPage(page, tenant.owner);
  await open(page, `/${tenant.slug}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Toolsets" }).click();
  await expect(page.getByRole("heading", { name: "Toolsets", level: 1 })).toBeFocused();
});

test("the main dialogs have no serious axe findings", async ({ page, tenant }) => {
  await page.setViewportSize(DESKTOP);
  const seeded = await seed(tenant);
  await signInPage(page, tenant.owner);
  const dialogs: { path: string; open: string; name: string }[] = [
    { path: `/${tenant.slug}/service-accounts`, open: "New service account", name: "New service account" },
    { path: `/${tenant.slug}/service-accounts/${seeded.accountId}`, open: "New token", name: "New token" },
    { path: `/${tenant.slug}/service-accounts/${seeded.accountId}`, open: `Roll token ${seeded.tokenPrefix}`, name: `Roll token ${seeded.tokenPrefix}…` },
    { path: `/${tenant.slug}/service-accounts/${seeded.accountId}`, open: `Revoke token ${seeded.tokenPrefix}`, name: "Revoke token?" },
    { path: `/${tenant.slug}/settings/service-tokens`, open: "New token", name: "New token" },
    { path: `/${tenant.slug}/settings/members`, open: "Add member", name: "Add member" },
    { path: `/${tenant.slug}/toolsets/${seeded.toolsetId}`, open: "Add tools", name: "Add tools" },
  ];
  for (const dialog of dialogs) {
    await open(page, dialog.path);
    await page.getByRole("button", { name: dialog.open, exact: true }).first().click();
    await expect(page.getByRole("dialog", { name: dialog.name })).toBeVisible();
    await expectNoSeriousAxeFindings(page, `the ${dialog.name} dialog`, "dialog[open]");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
});
