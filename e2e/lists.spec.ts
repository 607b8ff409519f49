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
  await expect(page.getByText("1 service account match")).toBeVisible();
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
