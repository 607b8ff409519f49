import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { startTestUpstream, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from "@/lib/testing/private-postgres";
import { countRecordedCalls, createDatabaseOn, postToolCall, readMcpAnswer, startAppInstance, stopAppInstance } from "./app-instance";
import { freePort } from "./free-port";
import { expect, signIn, test } from "./fixtures";

// Faults, on an app instance of its own against a PostgreSQL server of its
// own (so it can be restarted and stopped): nothing a bot was told succeeded
// goes unrecorded, an outage is a clear 503 with nothing internal in it, a
// revoke goes through while bots fill the data plane, and SIGTERM lets the
// calls in flight finish and be recorded before the process exits.

test.describe.configure({ mode: "serial" });
test.skip(privatePostgresUnavailable() !== null, privatePostgresUnavailable() ?? "");

const ADMIN = { email: "faults@e2e.test", password: "faults admin password 1" };
let database: PrivatePostgres;
let databaseUrl: string;
let upstream: RunningServer;
let app: ChildProcess;
let base: string;
let admin: APIRequestContext;
let token: string;
let dataDir: string;

const startApp = () =>
  startAppInstance({
    base,
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_ORG_SLUG: "faults",
      SHUTDOWN_TIMEOUT: "20",
    },
  });

const call = (tool: string, args: Record<string, unknown>, bearer = token) => postToolCall(`${base}/org/faults`, bearer, tool, args);

/** The request ids of calls the bot was told succeeded. */
async function succeeded(response: Response): Promise<string | null> {
  const { status, requestId, message } = await readMcpAnswer(response);
  return status === 200 && message.result && !message.result.isError ? requestId : null;
}

const recorded = (ids: string[]) => countRecordedCalls(databaseUrl, ids);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startPrivatePostgres();
  databaseUrl = await createDatabaseOn(database.url, "faults");
  dataDir = mkdtempSync(path.join(tmpdir(), "control-room-faults-"));
  upstream = await startTestUpstream();
  base = `http://localhost:${await freePort()}`;
  app = await startApp();
  admin = await playwrightRequest.newContext({ baseURL: base });
  await signIn(admin, ADMIN);
  const headers = { "content-type": "application/json", origin: base };
  expect((await admin.post("/v1/orgs/faults/mcp-servers", { headers, data: { name: "Test", slug: "test", url: upstream.url, headers: {}, timeoutMs: 10_000 } })).status()).toBe(201);
  const account = await (await admin.post("/v1/orgs/faults/service-accounts", { headers, data: { name: "fault-bot" } })).json();
  expect((await admin.put(`/v1/orgs/faults/service-accounts/${account.id}/access-mode`, { headers, data: { accessMode: "FULL_ACCESS" } })).status()).toBe(200);
  token = (await (await admin.post(`/v1/orgs/faults/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })).json()).token;
});

test.afterAll(async () => {
  await admin?.dispose();
  await stopAppInstance(app);
  await Promise.all([upstream?.close(), database?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a PostgreSQL restart during load loses no record of a call that succeeded", async () => {
  test.setTimeout(120_000);
  const ids: string[] = [];
  let running = true;
  const bot = async () => {
    while (running) {
      const id = await succeeded(await call("test__greet", { name: "under restart" })).catch(() => null);
      if (id) ids.push(id);
    }
  };
  const bots = Array.from({ length: 6 }, bot);
  await new Promise((r) => setTimeout(r, 1500));
  await database.restart();
  await new Promise((r) => setTimeout(r, 2500));
  running = false;
  await Promise.all(bots);
  expect(ids.length).toBeGreaterThan(30);
  await expect.poll(() => recorded(ids), { timeout: 60_000 }).toBe(ids.length);
});

test("with PostgreSQL away, bots and admins get 503 with Retry-After and nothing internal, and it recovers by itself", async () => {
  test.setTimeout(120_000);
  await database.stop();
  try {
    const mcp = await call("test__greet", { name: "outage" });
    expect(mcp.status).toBe(503);
    expect(Number(mcp.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await mcp.text();
    expect(JSON.parse(body).error.message).toMatch(/temporarily unavailable/);
    expect(body).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|:\d{4,5}\b|57P0/i);
    const rest = await fetch(`${base}/v1/orgs/faults/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(rest.status).toBe(503);
    expect(rest.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(rest.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await rest.text()).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1:\d+|57P0/i);
  } finally {
    await database.start();
  }
  await expect.poll(async () => (await call("test__greet", { name: "back" })).status, { timeout: 30_000 }).toBe(200);
});

test("an admin's revoke goes through while bots fill the data plane", async () => {
  test.setTimeout(60_000);
  const headers = { "content-type": "application/json", origin: base };
  const account = await (await admin.post("/v1/orgs/faults/service-accounts", { headers, data: { name: "doomed-bot" } })).json();
  const doomed = await (await admin.post(`/v1/orgs/faults/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })).json();
  let running = true;
  const flood = Array.from({ length: 200 }, async () => {
    while (running) await call("test__greet", { name: "flood" }).then((r) => r.arrayBuffer()).catch(() => {});
  });
  await new Promise((r) => setTimeout(r, 1000));
  const started = Date.now();
  const revoked = await admin.delete(`/v1/orgs/faults/service-accounts/${account.id}/tokens/${doomed.id}`, { headers });
  const took = Date.now() - started;
  running = false;
  await Promise.all(flood);
  expect(revoked.ok()).toBe(true);
  expect(took).toBeLessThan(5000);
  expect((await call("test__greet", { name: "after" }, doomed.token)).status).toBe(401);
});

test("SIGTERM during load: every call in flight finishes and is recorded, then the process exits 0", async () => {
  test.setTimeout(60_000);
  const calls = Array.from({ length: 20 }, () => call("test__sleep", { ms: 1500 }).then(succeeded));
  await new Promise((r) => setTimeout(r, 400));
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  const signalled = Date.now();
  app.kill("SIGTERM");
  const ids = await Promise.all(calls);
  expect(ids.filter(Boolean)).toHaveLength(20);
  expect(await exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(15_000);
  // The process flushed its usage before it went: the rows are there already.
  expect(await recorded(ids as string[])).toBe(20);
});
