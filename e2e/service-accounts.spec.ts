import { db, expect, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

test.describe("Service accounts in the browser", () => {
  test("create an account, mint a token shown once, use it, revoke it, disable and enable the account", async ({ page, context, tenant }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Service Accounts", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Service Accounts", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "New service account" }).click();
    const create = page.getByRole("dialog");
    await create.getByLabel("Name").fill("release-bot");
    await create.getByLabel("Description").fill("Publishes releases from CI");
    await create.getByRole("button", { name: "Create service account" }).click();
    await expect(page.getByRole("heading", { name: "release-bot", level: 1 })).toBeVisible();

    // Two tokens: one to revoke, one that must survive the revocation.
    const mint = async (name: string) => {
      await page.getByRole("button", { name: "New token" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByLabel("Lifetime").selectOption({ label: "7 days" });
      await dialog.getByRole("button", { name: "Create token" }).click();
      await expect(dialog.getByText("This token will not be shown again. Store it somewhere safe now.")).toBeVisible();
      const token = await dialog.getByLabel("Token").inputValue();
      expect(token).toMatch(/^alk_svc_[0-9A-Za-z]{38}$/);
      await dialog.getByRole("button", { name: "Copy" }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      return token;
    };
    const deployToken = await mint("deploy");
    const backupToken = await mint("backup");

    // After a reload only the prefixes are on the page, and in nothing the server sent.
    const responses: string[] = [];
    page.on("response", async (response) => responses.push(await response.text().catch(() => "")));
    await page.reload();
    await expect(page.getByText(`${deployToken.slice(0, 16)}…`)).toBeVisible();
    expect(await page.content()).not.toContain(deployToken);
    expect(responses.join("\n")).not.toContain(deployToken);
    expect(responses.join("\n")).not.toContain(backupToken);

    const whoami = (token: string) => page.request.get(`/v1/orgs/${tenant.slug}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect((await whoami(deployToken)).status()).toBe(200);
    expect(await (await whoami(deployToken)).json()).toMatchObject({ serviceAccount: { name: "release-bot" } });

    await page.getByRole("button", { name: `Revoke token ${deployToken.slice(0, 16)}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    expect((await whoami(deployToken)).status()).toBe(401);
    expect((await whoami(backupToken)).status()).toBe(200);

    await page.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(page.getByRole("dialog")).toContainText("stops working immediately");
    await page.getByRole("dialog").getByRole("button", { name: "Disable service account" }).click();
    await expect(page.getByText(/This account is disabled/)).toBeVisible();
    expect((await whoami(backupToken)).status()).toBe(401);

    await page.getByRole("button", { name: "Enable", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Enable service account" }).click();
    await expect(page.getByText(/This account is disabled/)).toHaveCount(0);
    expect((await whoami(backupToken)).status()).toBe(200);
    expect((await whoami(deployToken)).status()).toBe(401);

    const actions = (await db().auditEvent.findMany({ where: { orgId: tenant.orgId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "service_account.create",
      "service_token.create",
      "service_token.create",
      "service_token.revoke",
      "service_account.disable",
      "service_account.enable",
    ]);
  });

  test("deleting an account needs its name typed, and kills its tokens", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    const headers = { "content-type": "application/json", origin: E2E.baseURL };
    const account = await (await page.request.post(`/v1/orgs/${tenant.slug}/service-accounts`, { headers, data: { name: "doomed-bot" } })).json();
    const minted = await (
      await page.request.post(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })
    ).json();

    await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
    await page.getByRole("button", { name: "Delete service account" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Delete service account" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the name to confirm").fill("doomed-bo");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the name to confirm").fill("doomed-bot");
    await confirm.click();
    await expect(page).toHaveURL(new RegExp(`/${tenant.slug}/service-accounts$`));
    const status = (await page.request.get(`/v1/orgs/${tenant.slug}/whoami`, { headers: { authorization: `Bearer ${minted.token}` } })).status();
    expect(status).toBe(401);
  });

  test("org-wide tokens have their own page with the same reveal-once flow", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}/settings/service-tokens`);
    await expect(page.getByRole("heading", { name: "Service Tokens", level: 1 })).toBeVisible();
    await expect(page.getByText(/Prefer a service account's tokens/)).toBeVisible();
    await page.getByRole("button", { name: "New token" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Create token" }).click();
    const token = await page.getByRole("dialog").getByLabel("Token").inputValue();
    await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    const me = await page.request.get(`/v1/orgs/${tenant.slug}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ type: "org_token" });
  });

  test("a MEMBER cannot reach the service-account pages", async ({ page, tenant }) => {
    const member = await tenant.addPerson("MEMBER");
    const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "hidden-bot" } });
    await signInPage(page, member);
    for (const path of ["service-accounts", `service-accounts/${account.id}`, "settings/service-tokens"]) {
      const response = await page.goto(`/${tenant.slug}/${path}`);
      expect(response?.status(), path).toBe(403);
    }
    expect((await page.request.get(`/v1/orgs/${tenant.slug}/service-accounts`)).status()).toBe(403);
  });
});
