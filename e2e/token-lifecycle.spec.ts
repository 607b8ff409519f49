import { db, expect, signInPage, test } from "./fixtures";

// Issue 14, items 11 and 12: roll a token in the browser; expiry badges, filters and notices.

const DAY = 24 * 60 * 60 * 1000;

async function seedToken(orgId: string, serviceAccountId: string | null, name: string, prefix: string, expiresInMs: number) {
  return db().serviceToken.create({
    data: { orgId, serviceAccountId, orgWide: serviceAccountId === null, name, prefix, tokenHash: `e2e-${prefix}-${orgId}`, expiresAt: new Date(Date.now() + expiresInMs) },
  });
}

test("roll a token: the replacement is shown once, both are listed with the link and the grace end", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "rolling-bot" } });
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("deploy");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const first = await dialog.getByLabel("Token").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: `Roll token ${first.slice(0, 16)}` }).click();
  const roll = page.getByRole("dialog");
  await expect(roll.getByLabel("Grace period")).toHaveValue("24h");
  await roll.getByRole("button", { name: "Roll token" }).click();
  await expect(roll.getByText("The old token works until")).toBeVisible();
  const second = await roll.getByLabel("Token").inputValue();
  expect(second).toMatch(/^alk_svc_/);
  expect(second).not.toBe(first);
  await roll.getByRole("button", { name: "Done" }).click();

  await expect(page.getByText(`Replaces ${first.slice(0, 16)}…`)).toBeVisible();
  await expect(page.getByText(/Rolled: stops in (1 day|2[34] hours)/)).toBeVisible();
  await expect(page.getByText(`replaced by ${second.slice(0, 16)}…`)).toBeVisible();
  // The old token cannot be rolled twice.
  await expect(page.getByRole("button", { name: `Roll token ${first.slice(0, 16)}` })).toHaveCount(0);
  const tokens = await db().serviceToken.findMany({ where: { serviceAccountId: account.id }, orderBy: { createdAt: "asc" } });
  expect(tokens).toHaveLength(2);
  expect(tokens[1]!.rolledFromId).toBe(tokens[0]!.id);
  expect(await db().auditEvent.count({ where: { orgId: tenant.orgId, action: "service_token.roll", targetId: tokens[0]!.id } })).toBe(1);
});

test("expiry: a badge says how soon, the filters find expiring tokens and accounts, the notices feed lists them", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  const soon = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "soon-bot" } });
  const later = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "later-bot" } });
  await seedToken(tenant.orgId, soon.id, "nightly", "alk_svc_Soon0001", 3 * DAY + 60_000);
  await seedToken(tenant.orgId, later.id, "old", "alk_svc_Gone0001", -DAY);
  await seedToken(tenant.orgId, later.id, "weekly", "alk_svc_Late0001", 60 * DAY);

  await page.goto(`/${tenant.slug}/service-accounts/${soon.id}`);
  await expect(page.getByRole("row", { name: /alk_svc_Soon0001/ }).getByText("expires in 4 days")).toBeVisible();

  await page.goto(`/${tenant.slug}/service-accounts/${later.id}`);
  await expect(page.getByRole("row", { name: /alk_svc_Late0001/ }).getByText(/expires in/)).toHaveCount(0);
  await expect(page.getByText("2 tokens")).toBeVisible();
  const prefixes = () => page.getByRole("table", { name: /^Tokens of/ }).locator("tbody tr td:first-child").allInnerTexts();
  await expect.poll(prefixes).toEqual(["alk_svc_Late0001…", "alk_svc_Gone0001…"]);
  await page.getByLabel("Sort tokens").selectOption("expires");
  await expect.poll(prefixes).toEqual(["alk_svc_Gone0001…", "alk_svc_Late0001…"]);
  await page.getByLabel("Token status").selectOption("expiring");
  await expect(page.getByText("No tokens expire soon.")).toBeVisible();

  await page.goto(`/${tenant.slug}/service-accounts`);
  await page.getByLabel("Tokens").selectOption("expiring");
  await expect(page).toHaveURL(/tokens=expiring/);
  await expect(page.getByRole("link", { name: "soon-bot" })).toBeVisible();
  await expect(page.getByRole("link", { name: "later-bot" })).toHaveCount(0);
  await page.getByLabel("Tokens").selectOption("expired");
  await expect(page.getByRole("link", { name: "later-bot" })).toBeVisible();
  await expect(page.getByRole("link", { name: "soon-bot" })).toHaveCount(0);

  const notices = await (await page.request.get(`/v1/orgs/${tenant.slug}/notices`)).json();
  expect(notices.items.map((n: { kind: string; token: { prefix: string } }) => [n.kind, n.token.prefix])).toEqual([
    ["token_expired", "alk_svc_Gone0001"],
    ["token_expiring", "alk_svc_Soon0001"],
  ]);
  expect(notices.items[1]).toMatchObject({ daysLeft: 4, serviceAccount: { id: soon.id, name: "soon-bot" } });

  await page.goto(`/${tenant.slug}`);
  await expect(page.getByRole("link", { name: /1 token expiring within 7 days/ })).toBeVisible();
});

test("a custom expiry: the earliest time the picker offers is accepted, an earlier one is named before anything is sent", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "custom-expiry-bot" } });
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Lifetime").selectOption("custom");
  const expiresAt = dialog.getByLabel("Expires at");
  const earliest = await expiresAt.getAttribute("min");
  const tooSoon = new Date(Date.now() + 30 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await expiresAt.fill(`${tooSoon.getFullYear()}-${pad(tooSoon.getMonth() + 1)}-${pad(tooSoon.getDate())}T${pad(tooSoon.getHours())}:${pad(tooSoon.getMinutes())}`);
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText(/Choose a time at least 1 hour from now/)).toBeVisible();
  expect(await db().serviceToken.count({ where: { serviceAccountId: account.id } })).toBe(0);

  await expiresAt.fill(earliest!);
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByLabel("Token")).toHaveValue(/^alk_svc_/);
  const [token] = await db().serviceToken.findMany({ where: { serviceAccountId: account.id } });
  expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan(60 * 60 * 1000 - 5000);
});
