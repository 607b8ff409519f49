import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// What a load balancer, Prometheus and a log pipeline see of the server.

const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" };

type AccessLine = Record<string, unknown> & { log: "access"; requestId: string };

/** The access-log line of one request, found by the X-Request-Id its response carried. */
async function accessLine(requestId: string | undefined): Promise<AccessLine> {
  expect(requestId, "the response's X-Request-Id").toBeTruthy();
  let found: AccessLine | undefined;
  await expect
    .poll(
      async () => {
        const lines = (await readFile(E2E.serverLog, "utf8")).split("\n").filter((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('"log":"access"'));
        found = lines[0] ? (JSON.parse(lines[0]) as AccessLine) : undefined;
        return Boolean(found);
      },
      { message: `an access-log line for ${requestId}` },
    )
    .toBe(true);
  return found!;
}

/** A service account in the seeded organization, with the Demo toolset and a token limited to `perMinute` calls. */
async function demoBot(admin: APIRequestContext, perMinute: number) {
  const headers = { "content-type": "application/json", origin: E2E.baseURL };
  const org = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await admin.post(`${org}/service-accounts`, { headers, data: { name: `ops-bot-${Date.now()}` } })).json();
  const { items } = await (await admin.get(`${org}/toolsets`)).json();
  const demo = items.find((t: { name: string }) => t.name === "Demo");
  expect((await admin.post(`${org}/toolsets/${demo.id}/assignments`, { headers, data: { serviceAccountId: account.id } })).status()).toBe(201);
  const minted = await (await admin.post(`${org}/service-accounts/${account.id}/tokens`, { headers, data: { expiresIn: "1h", rateLimitPerMinute: perMinute } })).json();
  return { account, token: minted.token as string, prefix: minted.prefix as string };
}

test.describe("health", () => {
  test("/healthz and /readyz answer without authentication, tenant data or rate limits", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers()["cache-control"]).toBe("no-store");
    expect(health.headers()["set-cookie"]).toBeUndefined();

    const ready = await request.get("/readyz");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { draining: false, database: "ok", migrations: "ok" } });
    expect((await request.head("/readyz")).status()).toBe(200);
    expect((await request.post("/healthz")).status()).toBe(405);

    // A bad token is ignored here: no 401, and far past the per-address limit for unusable tokens (30 a minute), no 429.
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      statuses.add((await request.get(i % 2 ? "/healthz" : "/readyz", { headers: { authorization: "Bearer alk_svc_not-a-token" } })).status());
    }
    expect([...statuses]).toEqual([200]);
  });
});

test.describe("metrics", () => {
  test("/metrics is refused without the METRICS_TOKEN and served with it, on PORT and on METRICS_PORT", async ({ request }) => {
    const bare = await request.get("/metrics");
    expect(bare.status()).toBe(401);
    expect(bare.headers()["www-authenticate"]).toContain("Bearer");
    expect((await request.get("/metrics", { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(401);

    const scraped = await request.get("/metrics", { headers: { authorization: `Bearer ${E2E.metricsToken}` } });
    expect(scraped.status()).toBe(200);
    expect(scraped.headers()["content-type"]).toContain("text/plain");
    const body = await scraped.text();
    expect(body).toContain("# TYPE control_room_http_requests_total counter");
    expect(body).toMatch(/control_room_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(body).toMatch(/control_room_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/readyz",status="200"\} \d+/);
    expect(body).toMatch(/control_room_db_pool_connections\{pool="admin",state="total"\} \d+/);
    expect(body).toMatch(/control_room_db_pool_max_connections\{pool="admin"\} \d+/);
    expect(body).toContain("control_room_process_cpu_seconds_total");
    // The seeded organization's built-in demo server, synced at first run.
    expect(body).toMatch(new RegExp(`control_room_upstream_health\\{org="${E2E.seedOrg}",upstream="demo",state="healthy"\\} 1`));
    expect(body).toMatch(new RegExp(`control_room_upstream_sync_age_seconds\\{org="${E2E.seedOrg}",upstream="demo"\\} [\\d.e+]+`));

    const own = await playwrightRequest.newContext({ baseURL: `http://localhost:${E2E.metricsPort}` });
    try {
      expect((await own.get("/metrics")).status()).toBe(401);
      const onItsPort = await own.get("/metrics", { headers: { authorization: `Bearer ${E2E.metricsToken}` } });
      expect(onItsPort.status()).toBe(200);
      expect(await onItsPort.text()).toContain("control_room_http_requests_total");
      // Nothing else is served there.
      expect((await own.get("/login")).status()).toBe(404);
      expect((await own.get("/healthz")).status()).toBe(404);
    } finally {
      await own.dispose();
    }
  });

  test("MCP calls, rate-limit denials and audit chain verifications are counted", async ({ playwright }) => {
    const admin = await playwright.request.newContext({ baseURL: E2E.baseURL });
    await signIn(admin, E2E.admin);
    const { token } = await demoBot(admin, 1);
    const call = (id: number) =>
      admin.post(`/org/${E2E.seedOrg}`, {
        headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` },
        data: { jsonrpc: "2.0", id, method: "tools/call", params: { name: "demo__add", arguments: { a: 2, b: 40 } } },
      });
    expect((await call(1)).status()).toBe(200);
    expect((await call(2)).status()).toBe(429);
    expect((await admin.get(`/v1/orgs/${E2E.seedOrg}/audit-events/verify`)).status()).toBe(200);

    const body = await (await admin.get("/metrics", { headers: { authorization: `Bearer ${E2E.metricsToken}` } })).text();
    const counter = (pattern: RegExp) => Number(pattern.exec(body)?.[1] ?? 0);
    expect(counter(new RegExp(`control_room_mcp_calls_total\\{org="${E2E.seedOrg}",upstream="demo",outcome="OK"\\} (\\d+)`))).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(new RegExp(`control_room_mcp_call_duration_seconds_count\\{org="${E2E.seedOrg}",upstream="demo",outcome="OK"\\} \\d+`));
    expect(counter(new RegExp(`control_room_token_denials_total\\{reason="rate_limit",org="${E2E.seedOrg}"\\} (\\d+)`))).toBeGreaterThanOrEqual(1);
    expect(counter(/control_room_audit_chain_verifications_total\{result="ok"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    await admin.dispose();
  });
});

test.describe("access log", () => {
  test("one JSON line per request: route pattern, status, duration, client IP, organization and caller; MCP method, tool and outcome", async ({ playwright }) => {
    const admin = await playwright.request.newContext({ baseURL: E2E.baseURL });
    await signIn(admin, E2E.admin);
    const { account, token, prefix } = await demoBot(admin, 100);

    const listed = await admin.get(`/v1/orgs/${E2E.seedOrg}/service-accounts?limit=5`);
    expect(await accessLine(listed.headers()["x-request-id"])).toMatchObject({
      method: "GET",
      route: "/v1/orgs/[orgSlug]/service-accounts",
      path: `/v1/orgs/${E2E.seedOrg}/service-accounts`,
      status: 200,
      ip: "127.0.0.1",
      orgSlug: E2E.seedOrg,
      principalKind: "user",
      level: "info",
    });

    const whoami = await admin.get(`/v1/orgs/${E2E.seedOrg}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    const tokenLine = await accessLine(whoami.headers()["x-request-id"]);
    expect(tokenLine).toMatchObject({ route: "/v1/orgs/[orgSlug]/whoami", status: 200, principalKind: "token", tokenPrefix: prefix, serviceAccountId: account.id, orgSlug: E2E.seedOrg });
    expect(typeof tokenLine.durationMs).toBe("number");
    expect(JSON.stringify(tokenLine)).not.toContain(token);

    const called = await admin.post(`/org/${E2E.seedOrg}`, {
      headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` },
      data: { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "demo__add", arguments: { a: 1, b: 2 } } },
    });
    expect(called.status()).toBe(200);
    expect(await accessLine(called.headers()["x-request-id"])).toMatchObject({
      method: "POST",
      route: "/org/[slug]",
      status: 200,
      orgSlug: E2E.seedOrg,
      principalKind: "token",
      tokenPrefix: prefix,
      rpcMethod: "tools/call",
      tool: "demo__add",
      outcome: "OK",
    });

    const refused = await admin.get(`/v1/orgs/${E2E.seedOrg}/whoami`, { headers: { authorization: "Bearer alk_svc_garbage" } });
    expect(await accessLine(refused.headers()["x-request-id"])).toMatchObject({ status: 401, route: "/v1/orgs/[orgSlug]/whoami" });
    await admin.dispose();
  });
});

/** Starts another app instance and waits for it to exit; its output, and its exit code. */
function startAndWaitForExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: E2E.databaseUrl(), DATA_DIR: E2E.dataDir, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

test.describe("start-up", () => {
  test("a busy PORT ends the start with one line naming the port and PORT", async () => {
    test.setTimeout(120_000);
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "0.0.0.0", resolve));
    const { port } = holder.address() as { port: number };
    try {
      const { code, output } = await startAndWaitForExit({ PORT: String(port) });
      expect(code).not.toBe(0);
      const failure = output.split("\n").filter((line) => line.includes("failed to start"));
      expect(failure).toEqual([`[control-room] failed to start: Cannot listen on 0.0.0.0:${port}: port ${port} is already in use: stop what is listening there, or set PORT to a free port`]);
      expect(output).not.toContain("Control Room is ready");
    } finally {
      holder.close();
    }
  });

  test("a bad setting ends the start with one line naming the variable", async () => {
    const { code, output } = await startAndWaitForExit({ PORT: String(E2E.port + 2), TRUSTED_PROXY_HOPS: "abc", LOG_LEVEL: "verbose" });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual([
      "[control-room] failed to start: Invalid environment: TRUSTED_PROXY_HOPS must be a whole number from 0 to 10; LOG_LEVEL must be debug, info, warn or error",
    ]);
  });
});
