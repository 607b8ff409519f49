import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { serveFetchHandler, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { percentileCont } from "@/lib/testing/percentile";
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from "@/lib/testing/private-postgres";
import { countRecordedCalls, createDatabaseOn, postToolCall, readMcpAnswer, residentMegabytes, startAppInstance, stopAppInstance } from "./app-instance";
import { expect, signIn, test } from "./fixtures";
import { freePort } from "./free-port";

// Load drills on an instance of their own, with a Redis of its own (so it can
// be stopped) and its own PostgreSQL: a soak where valid bots share an
// address with bots whose tokens were revoked, a Redis outage under per-token
// limits, 200 clients that send their bodies a byte at a time, and the largest
// arguments and answers a bot may send and get. Each prints what it measured
// (the README's Reliability section quotes these lines).

test.describe.configure({ mode: "serial" });
test.skip(privatePostgresUnavailable() !== null, privatePostgresUnavailable() ?? "");

const ADMIN = { email: "drills@e2e.test", password: "drills admin password 1" };
const HEADERS = { "content-type": "application/json" };
let database: PrivatePostgres;
let databaseUrl: string;
let redis: ChildProcess | undefined;
let redisPort: number;
let upstream: RunningServer;
let app: ChildProcess;
let base: string;
let admin: APIRequestContext;
let dataDir: string;

function startRedis(): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("Ready to accept connections") && resolve(child));
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

async function stopRedis() {
  if (!redis || redis.exitCode !== null) return;
  const exited = new Promise((resolve) => redis!.once("exit", resolve));
  redis.kill("SIGKILL");
  await exited;
}

/** The keys the app's limiter holds in Redis right now. */
function redisKeys(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(redisPort, "127.0.0.1", () => socket.write("EVAL \"return #redis.call('KEYS', 'control-room:rl:*')\" 0\r\n"));
    socket.once("data", (data) => {
      socket.end();
      resolve(Number(/^:(\d+)/.exec(String(data))?.[1] ?? NaN));
    });
    socket.once("error", reject);
  });
}

/** A test upstream with a tool that answers with as many bytes as asked. */
function startBlobUpstream(): Promise<RunningServer> {
  const handler = createMcpHandler(() => {
    const server = new McpServer({ name: "drills-upstream", version: "1.0.0" });
    server.registerTool("echo", { description: "Echoes its text.", inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({ content: [{ type: "text", text }] }));
    server.registerTool("blob", { description: "Answers with `bytes` bytes of text.", inputSchema: z.object({ bytes: z.number() }) }, async ({ bytes }) => ({
      content: [{ type: "text", text: "x".repeat(bytes) }],
    }));
    return server;
  });
  return serveFetchHandler((request) => handler.fetch(request), "/mcp");
}

const percentile = (values: number[], p: number) => percentileCont(values, p / 100) ?? NaN;

type Answer = { status: number; requestId: string | null; text: string | null; error: { code: number; message: string } | null; ms: number };

async function call(token: string, tool: string, args: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const { status, requestId, message } = await readMcpAnswer(await postToolCall(`${base}/org/drills`, token, tool, args));
  return { status, requestId, text: message.result?.content?.[0]?.text ?? null, error: message.error ?? null, ms: performance.now() - started };
}

async function mintToken(accountName: string, rateLimitPerMinute?: number): Promise<{ token: string; id: string; accountId: string }> {
  const account = await (await admin.post("/v1/orgs/drills/service-accounts", { headers: HEADERS, data: { name: accountName } })).json();
  expect((await admin.put(`/v1/orgs/drills/service-accounts/${account.id}/access-mode`, { headers: HEADERS, data: { accessMode: "FULL_ACCESS" } })).status()).toBe(200);
  const minted = await (await admin.post(`/v1/orgs/drills/service-accounts/${account.id}/tokens`, { headers: HEADERS, data: { expiresIn: "1h", ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}) } })).json();
  return { token: minted.token, id: minted.id, accountId: account.id };
}

const recorded = (ids: string[]) => countRecordedCalls(databaseUrl, ids);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startPrivatePostgres();
  databaseUrl = await createDatabaseOn(database.url, "drills");
  dataDir = mkdtempSync(path.join(tmpdir(), "control-room-drills-"));
  redisPort = await freePort();
  redis = await startRedis();
  upstream = await startBlobUpstream();
  base = `http://localhost:${await freePort()}`;
  app = await startAppInstance({
    base,
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_ORG_SLUG: "drills", REDIS_URL: `redis://127.0.0.1:${redisPort}` },
  });
  admin = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  await signIn(admin, ADMIN);
  expect((await admin.post("/v1/orgs/drills/mcp-servers", { headers: HEADERS, data: { name: "Blob", slug: "blob", url: upstream.url, headers: {}, timeoutMs: 20_000 } })).status()).toBe(201);
});

test.afterAll(async () => {
  await admin?.dispose();
  await stopAppInstance(app);
  await stopRedis();
  await Promise.all([upstream?.close(), database?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("soak: valid bots beside bots with revoked tokens on the same address all succeed, none is throttled, every success is recorded", async () => {
  test.setTimeout(180_000);
  const valid = await Promise.all(Array.from({ length: 30 }, (_, i) => mintToken(`soak-${i}`)));
  const revoked = await Promise.all(Array.from({ length: 10 }, (_, i) => mintToken(`revoked-${i}`)));
  for (const r of revoked) expect((await admin.delete(`/v1/orgs/drills/service-accounts/${r.accountId}/tokens/${r.id}`, { headers: HEADERS })).ok()).toBe(true);
  const seconds = 30;
  const until = Date.now() + seconds * 1000;
  const succeeded: string[] = [];
  const latencies: number[] = [];
  const unexplained: string[] = [];
  const refusals: Record<number, number> = {};
  const goodBot = async (token: string, n: number) => {
    while (Date.now() < until) {
      const answer = await call(token, "blob__echo", { text: `soak ${n}` });
      if (answer.status === 200 && answer.text === `soak ${n}`) {
        succeeded.push(answer.requestId!);
        latencies.push(answer.ms);
      } else unexplained.push(`${answer.status} ${answer.error?.code ?? ""} ${answer.error?.message ?? answer.text}`);
    }
  };
  const badBot = async (token: string) => {
    while (Date.now() < until) {
      const answer = await call(token, "blob__echo", { text: "let me in" });
      refusals[answer.status] = (refusals[answer.status] ?? 0) + 1;
    }
  };
  await Promise.all([...valid.map((v, n) => goodBot(v.token, n)), ...revoked.map((r) => badBot(r.token))]);
  console.log(
    `[drills] soak ${seconds} s, 30 valid + 10 revoked bots on one address: ${succeeded.length} calls succeeded (${Math.round(succeeded.length / seconds)}/s), ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ${unexplained.length} failed; revoked bots got ${JSON.stringify(refusals)}`,
  );
  expect(unexplained.slice(0, 5)).toEqual([]);
  expect(succeeded.length).toBeGreaterThan(300);
  // The revoked tokens never got in.
  expect(Object.keys(refusals).filter((status) => status !== "401" && status !== "429")).toEqual([]);
  await expect.poll(() => recorded(succeeded), { timeout: 60_000 }).toBe(succeeded.length);
});

test("a Redis outage mid-run: calls keep working, the token's limit still holds, and Redis is used again when it returns", async () => {
  test.setTimeout(120_000);
  const perMinute = 30;
  const { token } = await mintToken("limited", perMinute);
  const phase = async (label: string, ms: number) => {
    const counts = { ok: 0, limited: 0, other: [] as string[] };
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const answer = await call(token, "blob__echo", { text: "limited" });
      if (answer.status === 200 && answer.text === "limited") counts.ok++;
      else if (answer.status === 429) counts.limited++;
      else counts.other.push(`${answer.status} ${answer.error?.message}`);
    }
    console.log(`[drills] Redis ${label}: ${counts.ok} calls passed, ${counts.limited} got 429, ${counts.other.length} other answers`);
    return counts;
  };
  const up = await phase("up", 4000);
  expect(await redisKeys()).toBeGreaterThan(0);
  await stopRedis();
  const down = await phase("stopped", 4000);
  redis = await startRedis();
  // ioredis reconnects with a back-off of at most 2 s.
  await new Promise((r) => setTimeout(r, 2500));
  const back = await phase("back", 4000);
  for (const counts of [up, down, back]) {
    expect(counts.other).toEqual([]);
    // Each limiter (Redis, then PostgreSQL, then the fresh Redis) lets one burst through, then holds the rate.
    expect(counts.ok).toBeLessThanOrEqual(perMinute + 4);
    expect(counts.limited).toBeGreaterThan(0);
  }
  expect(await redisKeys()).toBeGreaterThan(0);
});

test("200 clients that send their bodies a byte at a time do not stop other bots being served", async () => {
  test.setTimeout(120_000);
  const { token } = await mintToken("beside-slow-clients");
  const sockets = await Promise.all(
    Array.from(
      { length: 200 },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const url = new URL(base);
          const socket = net.connect(Number(url.port), "127.0.0.1", () => {
            socket.write(`POST /org/drills HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{`);
            resolve(socket);
          });
          socket.on("error", () => {});
          socket.once("error", reject);
        }),
    ),
  );
  const trickle = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write(" ")), 500);
  try {
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await call(token, "blob__echo", { text: `beside ${i}` });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(`beside ${i}`);
      latencies.push(answer.ms);
    }
    console.log(`[drills] beside 200 slow-body clients: 40 of 40 calls served, p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(percentile(latencies, 50)).toBeLessThan(1000);
  } finally {
    clearInterval(trickle);
    sockets.forEach((socket) => socket.destroy());
  }
});

test("a 900 KB argument and a 5 MB answer are relayed whole, a body past 4 MB is refused by name, and memory stays bounded", async () => {
  test.setTimeout(120_000);
  const { token } = await mintToken("large");
  const argument = "a".repeat(900 * 1024);
  const echoed = await call(token, "blob__echo", { text: argument });
  expect(echoed.status).toBe(200);
  expect(echoed.text).toBe(argument);
  const big = await call(token, "blob__blob", { bytes: 5 * 1024 * 1024 });
  expect(big.status).toBe(200);
  expect(big.text?.length).toBe(5 * 1024 * 1024);
  const tooLarge = await call(token, "blob__echo", { text: "a".repeat(5 * 1024 * 1024) });
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.error?.message).toMatch(/larger than 4 MB/);

  const before = residentMegabytes(app);
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 20 }, () => call(token, "blob__blob", { bytes: 5 * 1024 * 1024 })));
  const took = performance.now() - started;
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
  expect(answers.every((a) => a.text?.length === 5 * 1024 * 1024)).toBe(true);
  const after = residentMegabytes(app);
  console.log(
    `[drills] large: 900 KB argument echoed in ${echoed.ms.toFixed(0)} ms, one 5 MB answer in ${big.ms.toFixed(0)} ms, 20 concurrent 5 MB answers in ${took.toFixed(0)} ms; ` +
      `resident memory ${before} MB before, ${after} MB after`,
  );
  // 20 answers of 5 MB are 100 MB of payload: the relay must not hold many copies of each.
  if (before !== null && after !== null) expect(after - before).toBeLessThan(400);
});
