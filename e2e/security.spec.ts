import { connect } from "node:net";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// Security round 2 over real HTTP, through server.ts: what only the whole
// server shows (raw headers, Next's routing, next-auth's cookies).

const json = { "content-type": "application/json", origin: E2E.baseURL };

async function sessionCookie(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  const cookie = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, "a session cookie after sign-in").toBeTruthy();
  return `${cookie!.name}=${cookie!.value}`;
}

/** The same cookie, replayed from a context of its own (as a thief would). */
async function whoamiWithCookie(playwright: PlaywrightWorkerArgs["playwright"], slug: string, cookie: string) {
  const thief = await playwright.request.newContext({ baseURL: E2E.baseURL, extraHTTPHeaders: { cookie } });
  const status = (await thief.get(`/v1/orgs/${slug}/whoami`)).status();
  await thief.dispose();
  return status;
}

/** Raw bytes to the server: clients merge or refuse repeated headers, the wire does not. */
function rawRequest(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(E2E.port, "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.write([...lines, `Host: localhost:${E2E.port}`, "Connection: close", "", ""].join("\r\n"));
  });
}

test.describe("sessions end on the server", () => {
  test("a cookie copied before sign-out stops working after it", async ({ request, playwright, tenant }) => {
    await signIn(request, tenant.owner);
    const cookie = await sessionCookie(request);
    expect(await whoamiWithCookie(playwright, tenant.slug, cookie)).toBe(200);
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
    expect(await whoamiWithCookie(playwright, tenant.slug, cookie)).toBe(401);
  });

  test("sign out everywhere ends every session of the person", async ({ request, playwright, tenant }) => {
    await signIn(request, tenant.owner);
    const laptop = await sessionCookie(request);
    const phone = await playwright.request.newContext({ baseURL: E2E.baseURL });
    await signIn(phone, tenant.owner);
    const phoneCookie = await sessionCookie(phone);
    expect((await phone.delete("/api/auth/sessions", { headers: { origin: "https://evil.example" } })).status()).toBe(403);
    expect(await whoamiWithCookie(playwright, tenant.slug, laptop)).toBe(200);
    expect((await phone.delete("/api/auth/sessions", { headers: { origin: E2E.baseURL } })).status()).toBe(204);
    await phone.dispose();
    expect(await whoamiWithCookie(playwright, tenant.slug, laptop)).toBe(401);
    expect(await whoamiWithCookie(playwright, tenant.slug, phoneCookie)).toBe(401);
  });

  test("the Sign out everywhere button asks, then signs out this browser and every other", async ({ page, playwright, tenant }) => {
    const phone = await playwright.request.newContext({ baseURL: E2E.baseURL });
    await signIn(phone, tenant.owner);
    const phoneCookie = await sessionCookie(phone);
    await phone.dispose();
    await signIn(page.request, tenant.owner);
    await page.goto(`/${tenant.slug}`);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out of every device?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await whoamiWithCookie(playwright, tenant.slug, phoneCookie), "Cancel ends nothing").toBe(200);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await whoamiWithCookie(playwright, tenant.slug, phoneCookie)).toBe(401);
    await page.goto(`/${tenant.slug}`);
    await expect(page).toHaveURL(/\/login/);
  });
});

test("two Authorization headers are an invalid token, not the first one", async ({ request, tenant }) => {
  await signIn(request, tenant.owner);
  const account = await (await request.post(`/v1/orgs/${tenant.slug}/service-accounts`, { headers: json, data: { name: "two-headers" } })).json();
  const { token } = await (await request.post(`/v1/orgs/${tenant.slug}/service-accounts/${account.id}/tokens`, { headers: json, data: { name: "t" } })).json();
  const one = await rawRequest([`GET /v1/orgs/${tenant.slug}/whoami HTTP/1.1`, `Authorization: Bearer ${token}`]);
  expect(one).toMatch(/^HTTP\/1\.1 200 /);
  const two = await rawRequest([`GET /v1/orgs/${tenant.slug}/whoami HTTP/1.1`, `Authorization: Bearer ${token}`, `Authorization: Bearer ${token}`]);
  expect(two).toMatch(/^HTTP\/1\.1 401 /);
  expect(two).toMatch(/www-authenticate: Bearer realm="control-room", error="invalid_token"/i);
  // A client cannot switch the check off by sending the server's own count header.
  const forged = await rawRequest([`GET /v1/orgs/${tenant.slug}/whoami HTTP/1.1`, `Authorization: Bearer ${token}`, "Authorization: Bearer x", "X-Control-Room-Authorization-Count: 1"]);
  expect(forged).toMatch(/^HTTP\/1\.1 401 /);
});

test("a method a route does not take is a 405 problem with Allow", async ({ request, tenant }) => {
  await signIn(request, tenant.owner);
  const response = await request.delete(`/v1/orgs/${tenant.slug}/whoami`, { headers: { origin: E2E.baseURL } });
  expect(response.status()).toBe(405);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await response.json()).toMatchObject({ status: 405, code: "method_not_allowed", requestId: expect.any(String) });
  expect((await request.put(`/v1/orgs/${tenant.slug}/mcp-servers`, { headers: json, data: {} })).headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");
});

test("a callbackUrl a browser would read as another host lands on this site after sign-in", async ({ page, tenant }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/\t/evil.example/")}`);
  await page.getByLabel("Email").fill(tenant.owner.email);
  await page.getByLabel("Password").fill(tenant.owner.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  expect(new URL(page.url()).origin).toBe(E2E.baseURL);
});
