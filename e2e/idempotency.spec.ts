import { db, expect, signIn, signInPage, test } from "./fixtures";
import { E2E } from "./settings";

// Issue 14, item 1: every create acts once, in the browser and on the server.

const headers = (key?: string) => ({ "content-type": "application/json", origin: E2E.baseURL, ...(key ? { "idempotency-key": `"${key}"` } : {}) });

test.describe("Creating things once", () => {
  test("a double-click on Create token mints exactly one token", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "double-click-bot" } });
    await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("deploy");
    await dialog.getByRole("button", { name: "Create token" }).dblclick();
    await expect(dialog.getByText("This token will not be shown again. Store it somewhere safe now.")).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect.poll(() => db().serviceToken.count({ where: { serviceAccountId: account.id } })).toBe(1);
    // And no error toast from a second submission.
    await expect(page.getByText("Could not create the token")).toHaveCount(0);
  });

  test("a double-click on Create service account and on Add entry creates one of each", async ({ page, tenant }) => {
    await signInPage(page, tenant.owner);
    await page.goto(`/${tenant.slug}/service-accounts`);
    await page.getByRole("button", { name: "New service account" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("once-bot");
    await dialog.getByRole("button", { name: "Create service account" }).dblclick();
    await expect(page.getByRole("heading", { name: "once-bot", level: 1 })).toBeVisible();
    expect(await db().serviceAccount.count({ where: { orgId: tenant.orgId } })).toBe(1);

    await page.goto(`/${tenant.slug}/settings/network`);
    await page.getByLabel("CIDR block").first().fill("203.0.113.0/24");
    await page.getByRole("button", { name: "Add entry" }).first().dblclick();
    await expect(page.getByRole("cell", { name: "203.0.113.0/24" }).first()).toBeVisible();
    expect(await db().networkRule.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });

  test("Idempotency-Key: same body replays, another body is 422, a repeated mint is 409 without the secret", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const base = `/v1/orgs/${tenant.slug}`;
    const create = (key: string, name: string) => request.post(`${base}/service-accounts`, { headers: headers(key), data: { name } });
    const first = await create("sa-1", "ci");
    expect(first.status()).toBe(201);
    const replay = await create("sa-1", "ci");
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect((await replay.json()).id).toBe((await first.json()).id);
    const other = await create("sa-1", "cd");
    expect(other.status()).toBe(422);
    expect(other.headers()["content-type"]).toContain("application/problem+json");
    expect(await db().serviceAccount.count({ where: { orgId: tenant.orgId } })).toBe(1);

    const accountId = (await first.json()).id as string;
    const mint = () => request.post(`${base}/service-accounts/${accountId}/tokens`, { headers: headers("mint-1"), data: { name: "deploy" } });
    const [a, b] = await Promise.all([mint(), mint()]);
    expect([a.status(), b.status()].sort()).toEqual([201, 409]);
    const again = await mint();
    expect(again.status()).toBe(409);
    expect(await again.text()).not.toMatch(/alk_svc_[0-9A-Za-z]{38}/);
    expect(await db().serviceToken.count({ where: { serviceAccountId: accountId } })).toBe(1);

    const rule = (key: string) => request.post(`${base}/network-rules`, { headers: headers(key), data: { cidr: "198.51.100.0/24" } });
    expect((await rule("net-1")).status()).toBe(201);
    expect((await rule("net-1")).status()).toBe(201);
    expect(await db().networkRule.count({ where: { orgId: tenant.orgId } })).toBe(1);
    expect((await request.post(`${base}/network-rules`, { headers: headers('"bad key"'), data: { cidr: "198.51.100.0/24" } })).status()).toBe(400);
  });
});
