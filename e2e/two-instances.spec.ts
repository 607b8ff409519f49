import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { db, expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// Two app instances on one database: a grant revoked through one is refused
// by the other at the very next call. Nothing may be cached per instance.

const SECOND_PORT = E2E.port + 1;
const second = `http://localhost:${SECOND_PORT}`;
let instance: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instance = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(SECOND_PORT), DATABASE_URL: E2E.databaseUrl(), DATA_DIR: E2E.dataDir, NEXTAUTH_URL: second, LOG_LEVEL: "debug" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Into the run's server log, which the teardown scans for leaked tokens.
  const log = createWriteStream(E2E.serverLog, { flags: "a" });
  instance.stdout!.pipe(log);
  instance.stderr!.pipe(log);
  await new Promise<void>((resolve, reject) => {
    instance!.stdout!.on("data", (chunk) => String(chunk).includes("Control Room is ready") && resolve());
    instance!.once("exit", (code) => reject(new Error(`second instance exited with ${code}`)));
  });
});

test.afterAll(async () => {
  if (instance && instance.exitCode === null) {
    instance.kill("SIGTERM");
    await new Promise((resolve) => instance!.once("exit", resolve));
  }
});

test("a grant revoked on one instance is refused by the other at the next call", async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: second });
  await signIn(admin, E2E.admin);
  const headers = { "content-type": "application/json", origin: second };
  const base = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await admin.post(`${base}/service-accounts`, { headers, data: { name: `two-instances-${Date.now()}` } })).json();
  const { token } = await (await admin.post(`${base}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })).json();
  const org = await db().organization.findUniqueOrThrow({ where: { slug: E2E.seedOrg } });
  const demo = await db().mcpServer.findFirstOrThrow({ where: { orgId: org.id, slug: "demo" } });
  const grant = (level: string) =>
    admin.patch(`${base}/service-accounts/${account.id}/grants`, { headers, data: { grants: [{ resourceType: "MCP_SERVER", resourceId: demo.id, level }] } });

  expect((await grant("WRITE")).status()).toBe(200);
  // The bot talks to the first instance only.
  const bot = new Client({ name: "two-instances", version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await bot.connect(new StreamableHTTPClientTransport(new URL(`${E2E.baseURL}/org/${E2E.seedOrg}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  expect((await bot.listTools()).tools.map((t) => t.name)).toContain("demo__echo");
  expect((await bot.callTool({ name: "demo__echo", arguments: { message: "before" } })).content).toEqual([{ type: "text", text: "before" }]);

  expect((await grant("NONE")).status()).toBe(200);
  await expect(bot.callTool({ name: "demo__echo", arguments: { message: "after" } })).rejects.toThrow(/Unknown tool/);
  expect((await bot.listTools({}, { cacheMode: "bypass" })).tools.map((t) => t.name)).not.toContain("demo__echo");

  // And back: Full Access switched on through the second instance works on the first.
  expect((await admin.put(`${base}/service-accounts/${account.id}/access-mode`, { headers, data: { accessMode: "FULL_ACCESS" } })).status()).toBe(200);
  expect((await bot.callTool({ name: "demo__echo", arguments: { message: "full" } })).content).toEqual([{ type: "text", text: "full" }]);
  await bot.close();
  await admin.dispose();
});

test("a burst of 100 parallel calls against a limit of 10, spread over two instances: exactly 10 pass", async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: second });
  await signIn(admin, E2E.admin);
  const headers = { "content-type": "application/json", origin: second };
  const base = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await admin.post(`${base}/service-accounts`, { headers, data: { name: `burst-${Date.now()}` } })).json();
  const { token } = await (await admin.post(`${base}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h", rateLimitPerMinute: 10 } })).json();
  await admin.dispose();

  const statuses = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      fetch(`${i % 2 ? second : E2E.baseURL}/org/${E2E.seedOrg}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
        body: JSON.stringify({ jsonrpc: "2.0", id: i, method: "tools/list" }),
      }).then(async (r) => (await r.arrayBuffer(), r.status)),
    ),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(90);
});
