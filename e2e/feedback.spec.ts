import { db, expect, signInPage, test } from "./fixtures";

// Issue 14, item 7: feedback that stays visible over dialogs, and a session that ends mid-action.

test("Copy says Copied in the dialog, and the toast shows above the modal's backdrop", async ({ page, context, tenant }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInPage(page, tenant.owner);
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "copy-bot" } });
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await expect(page.getByRole("heading", { name: "copy-bot", level: 1 })).toBeVisible();
  const raised = () => page.evaluate(() => Number((document.querySelector("[data-toast-layer]") as HTMLElement | null)?.dataset.raised ?? 0));
  const before = await raised();
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create token" }).click();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("button", { name: "Copy" })).toHaveText("Copied ✓");
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  // The toasts' layer went into the top layer again after the dialog opened, so it is drawn above the dialog and its backdrop.
  expect(await page.evaluate(() => document.querySelector("[data-toast-layer]")?.matches(":popover-open"))).toBe(true);
  expect(await raised()).toBeGreaterThan(before);
});

test("a session that ended mid-action sends the admin to sign in, and back to the page after", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts`);
  await expect(page.getByRole("heading", { name: "Service Accounts", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New service account" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill("late-bot");
  // Mid-action, the session ends on the server (signed out elsewhere, or
  // expired): the browser's cookie still names it. (Overwriting the cookie
  // instead raced with next-auth's own session poll, which sets it again.)
  await db().userSession.updateMany({ where: { userId: tenant.owner.id, endedAt: null }, data: { endedAt: new Date() } });
  // The create finds the session gone, unless a background request of the page found it first: both send the admin to sign in.
  await page
    .getByRole("dialog")
    .getByRole("button", { name: "Create service account" })
    .click({ timeout: 5000 })
    .catch(() => {});
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByText("Your session ended. Sign in again to go back where you were.")).toBeVisible();
  // A full page load: let the form hydrate before using it.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(tenant.owner.email);
  await page.getByLabel("Password").fill(tenant.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${tenant.slug}/service-accounts$`));
  await expect(page.getByRole("heading", { name: "Service Accounts", level: 1 })).toBeVisible();
  expect(await db().serviceAccount.count({ where: { orgId: tenant.orgId } })).toBe(0);
});
