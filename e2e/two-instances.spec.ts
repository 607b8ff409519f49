import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startServerEverything } from "@/lib/testing/mcp-upstreams";
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
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(SECOND_PORT),
      DATABASE_URL: E2E.databaseUrl(),
      DATA_DIR: E2E.dataDir,
      NEXTAUTH_URL: second,
      LOG_LEVEL: "debug",
      UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8",
    },
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

/** A bot's raw MCP POST to one instance: the answer's JSON-RPC message (JSON body or the last SSE data line). */
async function mcp(instance: string, token: string, message: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${instance}/org/${E2E.seedOrg}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(message),
  });
  const text = await response.text();
  const data = text.includes("data: ") ? text.split("\n").filter((l) => l.startsWith("data: {")).pop()!.slice(6) : text;
  return { status: response.status, headers: response.headers, message: data ? JSON.parse(data) : null };
}

async function botWithFullAccess(playwright: Parameters<Parameters<typeof test>[2]>[0]["playwright"]) {
  const admin = await playwright.request.newContext({ baseURL: second });
  await signIn(admin, E2E.admin);
  const headers = { "content-type": "application/json", origin: second };
  const base = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await admin.post(`${base}/service-accounts`, { headers, data: { name: `relay-${Date.now()}-${Math.random().toString(16).slice(2, 6)}` } })).json();
  expect((await admin.put(`${base}/service-accounts/${account.id}/access-mode`, { headers, data: { accessMode: "FULL_ACCESS" } })).status()).toBe(200);
  const { token } = await (await admin.post(`${base}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h" } })).json();
  return { admin, token, headers, base };
}

test("a 2025-11-25 session opened on one instance is served by the other, and ended everywhere", async ({ playwright }) => {
  const { admin, token } = await botWithFullAccess(playwright);
  const legacy = { "mcp-protocol-version": "2025-11-25" };
  const init = await mcp(E2E.baseURL, token, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "e2e", version: "1" } } }, legacy);
  const session = init.headers.get("mcp-session-id")!;
  expect(session).toBeTruthy();
  const inSession = { ...legacy, "mcp-session-id": session };
  const listed = await mcp(second, token, { jsonrpc: "2.0", id: 2, method: "tools/list" }, inSession);
  expect(listed.message.result.tools.map((t: { name: string }) => t.name)).toContain("demo__echo");
  const called = await mcp(second, token, { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "demo__echo", arguments: { message: "on the other one" } } }, inSession);
  expect(called.message.result.content).toEqual([{ type: "text", text: "on the other one" }]);
  const ended = await fetch(`${second}/org/${E2E.seedOrg}`, { method: "DELETE", headers: { authorization: `Bearer ${token}`, ...inSession } });
  expect(ended.status).toBe(200);
  expect((await mcp(E2E.baseURL, token, { jsonrpc: "2.0", id: 4, method: "tools/list" }, inSession)).status).toBe(404);
  await admin.dispose();
});

test("a 2026-07-28 caller's multi round-trip request on a 2025-only upstream goes on through the other instance", async ({ playwright }) => {
  const everything = await startServerEverything();
  try {
    const { admin, token, headers, base } = await botWithFullAccess(playwright);
    const slug = `everything-${Date.now().toString(36)}`;
    const registered = await admin.post(`${base}/mcp-servers`, { headers, data: { name: `Everything ${slug}`, slug, url: everything.url, headers: {}, timeoutMs: 20_000 } });
    expect(registered.status()).toBe(201);
    expect((await registered.json()).health).toBe("HEALTHY");
    const tool = `${slug}__trigger-elicitation-request`;
    const meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": { elicitation: { form: {} } } };
    const modern = { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/call", "mcp-name": tool };
    // The first round on this instance: the upstream's elicitation comes back as input_required.
    const first = await mcp(E2E.baseURL, token, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool, arguments: {}, _meta: meta } }, modern);
    expect(first.message.result.resultType).toBe("input_required");
    const [key] = Object.keys(first.message.result.inputRequests);
    expect(first.message.result.inputRequests[key].method).toBe("elicitation/create");
    // The retry lands on the other instance, which hands it to the one holding the upstream's stream.
    const retry = await mcp(
      second,
      token,
      {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: tool, arguments: {}, _meta: meta, inputResponses: { [key]: { action: "accept", content: { color: "blue" } } }, requestState: first.message.result.requestState },
      },
      modern,
    );
    expect(retry.message.id).toBe(2);
    expect(retry.message.result.resultType).toBe("complete");
    expect(JSON.stringify(retry.message.result.content)).toContain("blue");
    await admin.dispose();
  } finally {
    await everything.close();
  }
});

test("a rolled token works on the other instance during its grace period and gets 401 there right after", async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: E2E.baseURL });
  await signIn(admin, E2E.admin);
  const headers = { "content-type": "application/json", origin: E2E.baseURL };
  const base = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await admin.post(`${base}/service-accounts`, { headers, data: { name: `roll-${Date.now()}` } })).json();
  const old = await (await admin.post(`${base}/service-accounts/${account.id}/tokens`, { headers, data: { name: "deploy", expiresIn: "30d" } })).json();
  const mcp = (token: string) =>
    fetch(`${second}/org/${E2E.seedOrg}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
  expect((await mcp(old.token)).status).toBe(200);

  const rolled = await admin.post(`${base}/service-accounts/${account.id}/tokens/${old.id}/roll`, { headers, data: { grace: "1h" } });
  expect(rolled.status()).toBe(201);
  const replacement = await rolled.json();
  expect(replacement).toMatchObject({ name: "deploy", rolledFromId: old.id, previous: { id: old.id, replacedById: replacement.id } });
  // Both work on the other instance during the grace period.
  expect((await mcp(old.token)).status).toBe(200);
  expect((await mcp(replacement.token)).status).toBe(200);
  // The grace end is the old token's expiry: once it has passed (moved here rather than waited for), the next call is refused.
  await db().serviceToken.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await mcp(old.token)).status).toBe(401);
  expect((await mcp(replacement.token)).status).toBe(200);

  // With no grace the replaced token stops at once, on every instance.
  const next = await (await admin.post(`${base}/service-accounts/${account.id}/tokens/${replacement.id}/roll`, { headers, data: { grace: "none" } })).json();
  expect((await mcp(replacement.token)).status).toBe(401);
  expect((await mcp(next.token)).status).toBe(200);
  await admin.dispose();
});
