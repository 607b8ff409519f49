import type { APIRequestContext } from "@playwright/test";
import { db, expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// Bots' view of the admin API: bearer tokens over real HTTP.

const json = { "content-type": "application/json", origin: E2E.baseURL };

async function newAccountWithToken(request: APIRequestContext, slug: string, name = "ci-bot") {
  const account = await (await request.post(`/v1/orgs/${slug}/service-accounts`, { headers: json, data: { name } })).json();
  const response = await request.post(`/v1/orgs/${slug}/service-accounts/${account.id}/tokens`, { headers: json, data: { name: "deploy", expiresIn: "1d" } });
  expect(response.status()).toBe(201);
  expect(response.headers()["cache-control"]).toBe("no-store");
  return { account, minted: await response.json() };
}

const whoami = (request: APIRequestContext, slug: string, token: string) =>
  request.get(`/v1/orgs/${slug}/whoami`, { headers: { authorization: `Bearer ${token}` } });

test.describe("service tokens on the admin API", () => {
  test("a minted token says who it is; revoking it is a 401 at the next request", async ({ request, playwright, tenant }) => {
    await signIn(request, tenant.owner);
    const { account, minted } = await newAccountWithToken(request, tenant.slug);
    expect(minted.token).toMatch(/^alk_svc_[0-9A-Za-z]{38}$/);
    expect(minted.prefix).toBe(minted.token.slice(0, 16));

    // A fresh client with no cookies: the token alone.
    const bot = await playwright.request.newContext({ baseURL: E2E.baseURL });
    const me = await whoami(bot, tenant.slug, minted.token);
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ type: "service_account", serviceAccount: { id: account.id, name: "ci-bot" }, token: { prefix: minted.prefix } });
    expect(JSON.stringify(await me.json())).not.toContain(minted.token);

    // The list never shows the token again.
    const list = await (await request.get(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens`)).text();
    expect(list).toContain(minted.prefix);
    expect(list).not.toContain(minted.token);

    expect((await request.delete(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens/${minted.id}`, { headers: json })).status()).toBe(204);
    const after = await whoami(bot, tenant.slug, minted.token);
    expect(after.status()).toBe(401);
    expect(after.headers()["www-authenticate"]).toContain('error="invalid_token"');
    await bot.dispose();
  });

  test("disabling the account is a 401 for its tokens; enabling brings them back", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const { account, minted } = await newAccountWithToken(request, tenant.slug);
    const patch = (status: string) => request.patch(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}`, { headers: json, data: { status } });
    expect((await patch("DISABLED")).status()).toBe(200);
    expect((await whoami(request, tenant.slug, minted.token)).status()).toBe(401);
    expect((await patch("ACTIVE")).status()).toBe(200);
    expect((await whoami(request, tenant.slug, minted.token)).status()).toBe(200);
  });

  test("every unusable token gets the same 401 body", async ({ request, playwright, tenant }) => {
    await signIn(request, tenant.owner);
    const { account, minted: revoked } = await newAccountWithToken(request, tenant.slug);
    await request.delete(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens/${revoked.id}`, { headers: json });
    const other = await db().organization.create({ data: { slug: `other-${Date.now()}`, name: "Other" } });
    const { minted: valid } = await newAccountWithToken(request, tenant.slug, "second-bot");

    const bot = await playwright.request.newContext({ baseURL: E2E.baseURL });
    const attempts = [
      { slug: tenant.slug, header: "Bearer alk_svc_garbage" },
      { slug: tenant.slug, header: `Bearer ${revoked.token.slice(0, -1)}${revoked.token.endsWith("a") ? "b" : "a"}` },
      { slug: tenant.slug, header: `Bearer ${revoked.token}` },
      { slug: other.slug, header: `Bearer ${valid.token}` },
      { slug: tenant.slug, header: `Basic ${Buffer.from("a:b").toString("base64")}` },
    ];
    const bodies = new Set<string>();
    for (const { slug, header } of attempts) {
      const response = await bot.get(`/v1/orgs/${slug}/whoami`, { headers: { authorization: header } });
      expect(response.status(), header).toBe(401);
      expect(response.headers()["www-authenticate"]).toBe('Bearer realm="control-room", error="invalid_token"');
      const { requestId, ...rest } = await response.json();
      expect(requestId).toBeTruthy();
      bodies.add(JSON.stringify(rest));
    }
    expect(bodies.size).toBe(1);

    // A token in the query string is not a credential.
    expect((await bot.get(`/v1/orgs/${tenant.slug}/whoami?access_token=${valid.token}`)).status()).toBe(401);
    await bot.dispose();
  });

  test("a token cannot manage accounts, tokens or people — its own included", async ({ request, playwright, tenant }) => {
    await signIn(request, tenant.owner);
    const { account, minted } = await newAccountWithToken(request, tenant.slug);
    const bot = await playwright.request.newContext({ baseURL: E2E.baseURL, extraHTTPHeaders: { authorization: `Bearer ${minted.token}` } });
    const base = `/v1/orgs/${tenant.slug}`;
    const attempts = [
      bot.post(`${base}/service-accounts/${account.id}/tokens`, { data: { name: "escalate" } }),
      bot.patch(`${base}/service-accounts/${account.id}`, { data: { status: "ACTIVE" } }),
      bot.delete(`${base}/service-accounts/${account.id}/tokens/${minted.id}`),
      bot.post(`${base}/service-tokens`, { data: { name: "org-wide" } }),
      bot.get(`${base}/members`),
      bot.post(`${base}/groups`, { data: { name: "bots" } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status(), response.url()).toBe(403);
      expect(response.headers()["www-authenticate"]).toContain('error="insufficient_scope"');
    }
    expect(await db().serviceToken.count({ where: { orgId: tenant.orgId } })).toBe(1);
    expect(await db().group.count({ where: { orgId: tenant.orgId } })).toBe(0);
    await bot.dispose();
  });

  test("org-wide tokens work like account tokens", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const minted = await (await request.post(`/v1/orgs/${tenant.slug}/service-tokens`, { headers: json, data: { name: "script", expiresIn: "1h" } })).json();
    expect(await (await whoami(request, tenant.slug, minted.token)).json()).toMatchObject({ type: "org_token", serviceAccount: null });
    expect((await request.delete(`/v1/orgs/${tenant.slug}/service-tokens/${minted.id}`, { headers: json })).status()).toBe(204);
    expect((await whoami(request, tenant.slug, minted.token)).status()).toBe(401);
  });

  test("lifetimes outside 1 hour to 1 year are a 400 naming the field", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const account = await (await request.post(`/v1/orgs/${tenant.slug}/service-accounts`, { headers: json, data: { name: "bot" } })).json();
    const url = `/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens`;
    const tooLong = await request.post(url, { headers: json, data: { expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() } });
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).errors).toEqual([{ field: "expiresAt", message: "A token can live at most 1 year" }]);
    const preset = await request.post(url, { headers: json, data: { expiresIn: "2y" } });
    expect((await preset.json()).errors[0].field).toBe("expiresIn");
    const sneaky = await request.post(url, { headers: json, data: { tokenHash: "x", revokedAt: null } });
    expect((await sneaky.json()).errors.map((e: { field: string }) => e.field)).toEqual(["tokenHash", "revokedAt"]);
  });
});
