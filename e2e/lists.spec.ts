import { db, expect, signInPage, test } from "./fixtures";

// Issue 14, item 9: sortable columns, totals, filters and sort in the URL (shareable, the back button undoes them), the empty state's button.

test("service accounts sort by name and age, show their total, and keep it all in the URL", async ({ page, tenant }) => {
  for (const [i, name] of ["m-bot", "z-bot", "a-bot"].entries()) {
    await db().serviceAccount.create({ data: { orgId: tenant.orgId, name, createdAt: new Date(Date.now() - (3 - i) * 60_000) } });
  }
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts`);
  const table = page.getByRole("table", { name: /^Service accounts of/ });
  const names = () => table.locator("tbody tr td:first-child a").allInnerTexts();
  await expect(page.getByText("3 service accounts")).toBeVisible();
  await expect.poll(names).toEqual(["a-bot", "z-bot", "m-bot"]);

  await table.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect.poll(names).toEqual(["a-bot", "m-bot", "z-bot"]);
  await expect(table.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  await table.getByRole("button", { name: /^Name/ }).click();
  await expect.poll(names).toEqual(["z-bot", "m-bot", "a-bot"]);
  await page.goBack();
  await expect.poll(names).toEqual(["a-bot", "m-bot", "z-bot"]);

  await page.getByLabel("Search service accounts").fill("z-");
  await expect(page).toHaveURL(/search=z-/);
  await expect(page.getByText("1 of 3 service accounts")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Search service accounts")).toHaveValue("z-");
  await expect.poll(names).toEqual(["z-bot"]);
});

test("the empty list offers its create button", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts`);
  await page.getByRole("button", { name: "Create your first service account" }).click();
  await expect(page.getByRole("dialog", { name: "New service account" })).toBeVisible();
});

test("tokens sort by a header: the order and aria-sort change, the URL carries it, reload and back restore it", async ({ page, tenant }) => {
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "sorting-bot" } });
  const minute = 60_000;
  for (const [i, name] of ["bravo", "charlie", "alpha"].entries()) {
    await db().serviceToken.create({
      data: {
        orgId: tenant.orgId,
        serviceAccountId: account.id,
        name,
        prefix: `alk_svc_Sort000${i}`,
        tokenHash: `e2e-sort-${i}-${tenant.orgId}`,
        createdAt: new Date(Date.now() - (3 - i) * minute),
        expiresAt: new Date(Date.now() + (30 - i) * 24 * 60 * minute),
        // charlie was never used: it comes last by last use, either way.
        lastUsedAt: name === "charlie" ? null : new Date(Date.now() - (name === "alpha" ? 1 : 5) * minute),
      },
    });
  }
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  const table = page.getByRole("table", { name: /^Tokens of/ });
  const names = () => table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  await expect.poll(names).toEqual(["alpha", "charlie", "bravo"]);
  await expect(table.getByRole("columnheader", { name: "Created", exact: true })).toHaveAttribute("aria-sort", "descending");

  await table.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect.poll(names).toEqual(["alpha", "bravo", "charlie"]);
  await expect(table.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: "Created", exact: true })).toHaveAttribute("aria-sort", "none");

  // Keyboard: the header's button takes Enter.
  await table.getByRole("button", { name: /^Name/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=-name/);
  await expect.poll(names).toEqual(["charlie", "bravo", "alpha"]);
  await expect(table.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");

  await table.getByRole("button", { name: /^Last used/ }).click();
  await expect(page).toHaveURL(/sort=-lastUsed/);
  await expect.poll(names).toEqual(["alpha", "bravo", "charlie"]);
  await table.getByRole("button", { name: /^Last used/ }).click();
  await expect.poll(names).toEqual(["bravo", "alpha", "charlie"]);

  await page.reload();
  await expect(page).toHaveURL(/sort=lastUsed/);
  await expect.poll(names).toEqual(["bravo", "alpha", "charlie"]);
  await expect(table.getByRole("columnheader", { name: /^Last used/ })).toHaveAttribute("aria-sort", "ascending");

  await page.goBack();
  await expect(page).toHaveURL(/sort=-lastUsed/);
  await expect.poll(names).toEqual(["alpha", "bravo", "charlie"]);
  await page.goBack();
  await expect.poll(names).toEqual(["charlie", "bravo", "alpha"]);
  await expect(table.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
});

test("a token filter says how many of how many match", async ({ page, tenant }) => {
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "counting-bot" } });
  for (const [i, revoked] of [false, false, true].entries()) {
    await db().serviceToken.create({
      data: {
        orgId: tenant.orgId,
        serviceAccountId: account.id,
        prefix: `alk_svc_Count00${i}`,
        tokenHash: `e2e-count-${i}-${tenant.orgId}`,
        expiresAt: new Date(Date.now() + 30 * 24 * 3600_000),
        revokedAt: revoked ? new Date() : null,
      },
    });
  }
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await expect(page.getByText("3 tokens", { exact: true })).toBeVisible();
  await page.getByLabel("Token status").selectOption("revoked");
  await expect(page).toHaveURL(/status=revoked/);
  await expect(page.getByText("1 of 3 tokens")).toBeVisible();
  await page.goBack();
  await expect(page.getByText("3 tokens", { exact: true })).toBeVisible();
});

test("the members search is kept in the URL, with the count under it", async ({ page, tenant }) => {
  await tenant.addPerson("MEMBER");
  await tenant.addPerson("ADMIN");
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/settings/members`);
  await expect(page.getByText("3 members", { exact: true })).toBeVisible();
  await page.getByLabel("Search members").fill(tenant.owner.email);
  await expect.poll(() => new URL(page.url()).searchParams.get("search")).toBe(tenant.owner.email);
  await expect(page.getByText("1 of 3 members")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Search members")).toHaveValue(tenant.owner.email);
  await expect(page.getByText("1 of 3 members")).toBeVisible();

  const table = page.getByRole("table", { name: /^Members of/ });
  await page.getByLabel("Search members").fill("");
  await table.getByRole("button", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(table.getByRole("columnheader", { name: /^Email/ })).toHaveAttribute("aria-sort", "ascending");
  const emails = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(emails).toEqual([...emails].sort());
});
