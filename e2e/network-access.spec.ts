import { db, expect, signInPage, test } from "./fixtures";

test("an admin allowlists a network, tests addresses, and sets a default rate limit", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/settings/network`);
  await expect(page.getByRole("heading", { name: "Network access", level: 1 })).toBeVisible();

  await page.getByLabel("CIDR block").fill("10.0.0/8");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByText('"10.0.0/8" is not a CIDR block', { exact: false }).first()).toBeVisible();

  await page.getByLabel("CIDR block").fill("203.0.113.7/24");
  await page.getByLabel("Label").fill("office");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("cell", { name: "203.0.113.0/24", exact: true })).toBeVisible();
  expect((await db().networkRule.findFirstOrThrow({ where: { orgId: tenant.orgId } })).cidr).toBe("203.0.113.0/24");

  await page.getByLabel("IP address").fill("203.0.113.9");
  await page.getByRole("button", { name: "Test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Allowed" })).toBeVisible();
  await expect(page.getByText("Organization: matched 203.0.113.0/24 (office)")).toBeVisible();
  await page.getByLabel("IP address").fill("198.51.100.1");
  await page.getByRole("button", { name: "Test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Denied" })).toBeVisible();

  await page.getByLabel("Default rate limit (requests per minute)").fill("120");
  await page.getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => (await db().organization.findUniqueOrThrow({ where: { id: tenant.orgId } })).defaultRateLimitPerMinute).toBe(120);

  const actions = (await db().auditEvent.findMany({ where: { orgId: tenant.orgId } })).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(["network_rule.add", "org.settings.update"]));
});
