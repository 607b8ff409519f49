import { db, expect, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

test.describe("Control Room in the browser", () => {
  test("the first-run admin signs in, creates a group, adds a member to it, and signs out", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill(E2E.admin.email);
    await page.getByLabel("Password").fill(E2E.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/${E2E.seedOrg}$`));

    // A person to put in the group. (The Overview links its counts too: use the navigation.)
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    const email = `grace-${Date.now()}@example.test`;
    await page.getByRole("button", { name: "Add member" }).click();
    const addDialog = page.getByRole("dialog");
    await addDialog.getByLabel("Email").fill(email);
    await addDialog.getByLabel("Name").fill("Grace Hopper");
    await addDialog.getByRole("button", { name: "Add member" }).click();
    // A new person gets a one-time password, shown once.
    const reveal = page.getByRole("dialog");
    await expect(reveal.getByText(/will not be shown again/i)).toBeVisible();
    await reveal.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();

    await nav.getByRole("link", { name: "Groups" }).click();
    await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "New group" }).click();
    const groupDialog = page.getByRole("dialog");
    const groupName = `Release Engineering ${Date.now()}`;
    await groupDialog.getByLabel("Name").fill(groupName);
    await groupDialog.getByLabel("Description").fill("Owns the release pipeline");
    await groupDialog.getByRole("button", { name: "Create group" }).click();
    await page.getByRole("link", { name: groupName }).click();
    await expect(page.getByRole("heading", { name: groupName })).toBeVisible();

    await page.getByLabel("Person").selectOption({ label: `Grace Hopper (${email})` });
    await page.getByRole("button", { name: "Add to group" }).click();
    await expect(page.getByText(email)).toBeVisible();
    await page.reload();
    await expect(page.getByText(email)).toBeVisible();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/${E2E.seedOrg}/settings/groups`);
    await expect(page).toHaveURL(/\/login/);

    const org = await db().organization.findUniqueOrThrow({ where: { slug: E2E.seedOrg } });
    const actions = (await db().auditEvent.findMany({ where: { orgId: org.id, actorLabel: E2E.admin.email } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.add", "group.create", "group.member.add"]));
  });

  test("a wrong password shows the one generic error", async ({ page, tenant }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(tenant.owner.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");

    await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.test`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a MEMBER sees the overview but cannot reach admin pages", async ({ page, tenant }) => {
    const member = await tenant.addPerson("MEMBER");
    await signInPage(page, member);
    await page.goto(`/${tenant.slug}`);
    await expect(page.getByRole("heading", { name: `Org ${tenant.slug}` })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);

    for (const path of ["settings/members", "settings/groups", "service-accounts", "audit-log"]) {
      const response = await page.goto(`/${tenant.slug}/${path}`);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("You don't have access to this page")).toBeVisible();
    }
  });

  test("someone else's organization is a 404", async ({ page, tenant }) => {
    const other = await db().organization.create({ data: { slug: `elsewhere-${Date.now()}`, name: "Elsewhere" } });
    await signInPage(page, tenant.owner);
    const response = await page.goto(`/${other.slug}`);
    expect(response?.status()).toBe(404);
  });

  test("a person in two organizations switches between them", async ({ page, tenant }) => {
    const second = await db().organization.create({ data: { slug: `second-${Date.now()}`, name: "Second Org" } });
    await db().membership.create({ data: { orgId: second.id, userId: tenant.owner.id, role: "MEMBER" } });
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}`);
    await page.getByLabel("Organization").selectOption({ label: "Second Org" });
    await expect(page).toHaveURL(new RegExp(`/${second.slug}$`));
    await expect(page.getByRole("heading", { name: "Second Org", level: 1 })).toBeVisible();
    // A MEMBER there: no admin links.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  });
});
