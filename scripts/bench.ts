// `npm run bench`: token verification and the service-account list under
// load-shaped data (10,000 service accounts, 100,000 tokens) on PostgreSQL.
// A script, not a test: it prints numbers, it asserts nothing.
//
// Uses a throwaway database on the server at DATABASE_URL (default: the local
// PostgreSQL at 127.0.0.1:5432), and a production build (built if missing).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";

const ACCOUNTS = 10_000;
const TOKENS_PER_ACCOUNT = 10;
const SAMPLES = 2_000;
const HTTP_SAMPLES = 300;
const PORT = Number(process.env.BENCH_PORT ?? 3399);
const ADMIN = { email: "bench@example.test", password: "bench password 123" };
const DATA_DIR = `/tmp/control-room-bench-${process.pid}`;
const SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");
const CALLS = 3_000;
const CONCURRENCY = 32;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const line = `${name.padEnd(48)} p50 ${percentile(sorted, 50).toFixed(3)} ms   p99 ${percentile(sorted, 99).toFixed(3)} ms   (n=${samples.length})`;
  console.log(line);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function time<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(`
    INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', 'bench', 'Bench', now());
    INSERT INTO "ServiceAccount" (id, "orgId", name, description, "updatedAt", "createdAt")
      SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'bot-' || lpad(i::text, 5, '0'), 'benchmark account', now(),
             now() - (i || ' seconds')::interval
      FROM generate_series(1, ${ACCOUNTS}) AS i;
    INSERT INTO "ServiceToken" (id, "orgId", "serviceAccountId", name, prefix, "tokenHash", "expiresAt", "createdAt", "revokedAt")
      SELECT gen_random_uuid(), a."orgId", a.id, 'token-' || t, 'alk_svc_' || substr(md5(random()::text), 1, 8),
             encode(sha256((a.id::text || t)::bytea), 'hex'),
             now() + interval '300 days' - (t || ' days')::interval * 40, now(),
             CASE WHEN t = 1 THEN now() END
      FROM "ServiceAccount" a CROSS JOIN generate_series(1, ${TOKENS_PER_ACCOUNT}) AS t;
    ANALYZE;`);
  await client.end();
  console.log(`seeded ${ACCOUNTS} service accounts and ${ACCOUNTS * TOKENS_PER_ACCOUNT} tokens in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function startServer(url: string): Promise<() => void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: url, PORT: String(PORT), DATA_DIR, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: "warn", SECRETS_KEY, UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8", CATALOG_SYNC_INTERVAL: "1h" };
  const flags = process.env.BENCH_SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn("node_modules/.bin/tsx", [...flags, "server.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Control Room is ready")) resolve(() => child.kill("SIGTERM"));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function signIn(base: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
    redirect: "manual",
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = await createScratchDatabase("cr_bench", serverUrl);
  let stopServer: (() => void) | undefined;
  try {
    await migrateDatabase({ connectionString: database.url });
    await seed(database.url);
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "warn";

    // In process: the functions the endpoints call.
    const { db } = await import("@/lib/db/prisma");
    const { mintServiceToken } = await import("@/lib/tokens/mint-service-token");
    const { verifyServiceToken } = await import("@/lib/tokens/verify-service-token");
    const { listServiceAccounts } = await import("@/lib/service-accounts/list-service-accounts");
    const orgId = "00000000-0000-4000-8000-000000000001";
    const accounts = await db().serviceAccount.findMany({ where: { orgId }, select: { id: true }, take: 200, orderBy: { name: "desc" } });
    const audit = { actor: { kind: "SYSTEM" as const, id: null, label: "bench" }, ip: null, userAgent: null, requestId: null };
    const tokens: string[] = [];
    for (const { id } of accounts) {
      tokens.push((await mintServiceToken({ orgId, owner: { serviceAccountId: id }, input: { name: "bench" }, createdById: null, audit })).token);
    }

    for (let i = 0; i < 200; i++) await verifyServiceToken({ token: tokens[i % tokens.length] }); // warm-up
    const verify: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const outcome = await time(verify, () => verifyServiceToken({ token: tokens[i % tokens.length] }));
      if (outcome.status !== "VALID") throw new Error(`unexpected ${outcome.status}`);
    }
    const list: number[] = [];
    for (let i = 0; i < 20; i++) await listServiceAccounts({ orgId, limit: 50 });
    for (let i = 0; i < 500; i++) await time(list, () => listServiceAccounts({ orgId, limit: 50 }));

    // Over HTTP: the real route, wrapper, session check and JSON.
    stopServer = await startServer(database.url);
    const base = `http://127.0.0.1:${PORT}`;
    const admin = await db().user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    await db().membership.create({ data: { orgId, userId: admin.id, role: "OWNER" } });
    const cookie = await signIn(base);
    const httpList: number[] = [];
    const httpWhoami: number[] = [];
    const get = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(base + path, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 30; i++) await get("/v1/orgs/bench/service-accounts", { cookie });
    for (let i = 0; i < HTTP_SAMPLES; i++) await time(httpList, () => get("/v1/orgs/bench/service-accounts", { cookie }));
    for (let i = 0; i < 30; i++) await get("/v1/orgs/bench/whoami", { authorization: `Bearer ${tokens[i]}` });
    for (let i = 0; i < HTTP_SAMPLES; i++) {
      await time(httpWhoami, () => get("/v1/orgs/bench/whoami", { authorization: `Bearer ${tokens[i % tokens.length]}` }));
    }

    const gateway = await benchGateway({ base, orgId, audit });

    console.log(`\nControl Room benchmark (node ${process.version}, PostgreSQL, ${ACCOUNTS} accounts, ${ACCOUNTS * TOKENS_PER_ACCOUNT} tokens)`);
    const v = summary("token verification (in process)", verify);
    const l = summary("service-account list, first page (in process)", list);
    const h = summary("GET /v1/orgs/:slug/service-accounts (HTTP)", httpList);
    summary("GET /v1/orgs/:slug/whoami with a token (HTTP)", httpWhoami);
    console.log(`\ntools/call, ${CALLS} calls at concurrency ${CONCURRENCY}, same upstream:`);
    summary("  direct to the upstream", gateway.direct.samples);
    summary("  through the gateway (/org/:slug)", gateway.viaGateway.samples);
    const ratio = gateway.viaGateway.throughput / gateway.direct.throughput;
    console.log(`tools/call, one at a time:`);
    const ds = summary("  direct to the upstream", gateway.directSerial.samples);
    const gs = summary("  through the gateway (/org/:slug)", gateway.gatewaySerial.samples);
    console.log(`  the gateway adds ${(gs.p50 - ds.p50).toFixed(2)} ms at p50 with nothing queued`);
    console.log(`  throughput: direct ${gateway.direct.throughput.toFixed(0)}/s, gateway ${gateway.viaGateway.throughput.toFixed(0)}/s, ratio ${(ratio * 100).toFixed(1)} %`);
    const t = summary("tools/list, 100-tool toolset, 50 upstreams x 20 tools", gateway.list);
    console.log(`tools/call one at a time, plain token vs 100-entry allowlist + rate limit (interleaved):`);
    const plain = summary("  plain", gateway.plainCalls);
    const guarded = summary("  allowlist (100 entries) + rate limit", gateway.guardedCalls);
    console.log(`  allowlist + rate limit add ${(guarded.p50 - plain.p50).toFixed(3)} ms at p50`);
    console.log(
      `\ntargets: verification p50 <= 1 ms: ${v.p50 <= 1 ? "met" : "MISSED"}; list page p50 <= 50 ms: ${Math.max(l.p50, h.p50) <= 50 ? "met" : "MISSED"}; ` +
        `gateway adds <= 2 ms p50 (one at a time): ${gs.p50 - ds.p50 <= 2 ? "met" : "MISSED"} (+${(gs.p50 - ds.p50).toFixed(2)} ms); ` +
        `throughput >= 70 %: ${ratio >= 0.7 ? "met" : "MISSED"}; tools/list p50 <= 10 ms: ${t.p50 <= 10 ? "met" : "MISSED"}; ` +
        `allowlist + rate limit add <= 0.5 ms p50: ${guarded.p50 - plain.p50 <= 0.5 ? "met" : "MISSED"}`,
    );
    await db().$disconnect();
  } finally {
    stopServer?.();
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

/** Runs `total` calls with `concurrency` in flight; per-call latencies and calls per second. */
async function load(total: number, concurrency: number, call: () => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await time(samples, call);
      }
    }),
  );
  return { samples, throughput: total / ((performance.now() - started) / 1000) };
}

async function benchGateway({ base, orgId, audit }: { base: string; orgId: string; audit: Parameters<typeof import("@/lib/tokens/mint-service-token").mintServiceToken>[0]["audit"] }) {
  process.env.SECRETS_KEY = SECRETS_KEY;
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  const { db } = await import("@/lib/db/prisma");
  const { Client, StreamableHTTPClientTransport } = await import("@modelcontextprotocol/client");
  const { startTestUpstream } = await import("@/lib/testing/mcp-upstreams");
  const { createMcpServer } = await import("@/lib/mcp-servers/create-mcp-server");
  const { mintServiceToken } = await import("@/lib/tokens/mint-service-token");
  const upstream = await startTestUpstream();
  try {
    const server = await createMcpServer({ orgId, input: { name: "Bench upstream", slug: "bench", url: upstream.url, headers: {}, timeoutMs: 30_000 }, audit });
    if (server.health !== "HEALTHY") throw new Error(`bench upstream did not sync: ${server.lastError}`);
    const greet = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "greet" } });

    // 50 upstreams x 20 tools in the catalog; a 100-tool toolset (plus greet) for the bench account.
    const servers = Array.from({ length: 50 }, (_, i) => ({ id: crypto.randomUUID(), orgId, name: `Catalog ${i}`, slug: `catalog-${i}`, url: `https://catalog-${i}.example.test/mcp` }));
    await db().mcpServer.createMany({ data: servers });
    const schema = { type: "object", properties: { q: { type: "string", description: "query" }, limit: { type: "number" } }, required: ["q"] };
    const catalog = servers.flatMap((s) =>
      Array.from({ length: 20 }, (_, j) => ({ id: crypto.randomUUID(), orgId, serverId: s.id, name: `tool_${j}`, exposedName: `${s.slug}__tool_${j}`, description: `Tool ${j} of ${s.name}`, inputSchema: schema })),
    );
    await db().catalogTool.createMany({ data: catalog });
    const account = await db().serviceAccount.create({ data: { orgId, name: "gateway-bench" } });
    const toolset = await db().toolset.create({ data: { orgId, name: "Bench" } });
    await db().toolsetTool.createMany({ data: [greet, ...catalog.filter((_, i) => i % 10 === 0)].map((t) => ({ toolsetId: toolset.id, toolId: t.id })) });
    await db().toolsetAssignment.create({ data: { orgId, toolsetId: toolset.id, serviceAccountId: account.id } });
    const { token } = await mintServiceToken({ orgId, owner: { serviceAccountId: account.id }, input: { name: "bench" }, createdById: null, audit });

    const connect = async (url: string, headers: Record<string, string> = {}) => {
      const client = new Client({ name: "bench", version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
      return client;
    };
    const directClient = await connect(upstream.url);
    const gatewayClient = await connect(`${base}/org/bench`, { authorization: `Bearer ${token}` });
    const callDirect = () => directClient.callTool({ name: "greet", arguments: { name: "bench" } });
    const callGateway = () => gatewayClient.callTool({ name: "bench__greet", arguments: { name: "bench" } });
    await load(300, CONCURRENCY, callDirect); // warm-up
    await load(300, CONCURRENCY, callGateway);
    const direct = await load(CALLS, CONCURRENCY, callDirect);
    const viaGateway = await load(CALLS, CONCURRENCY, callGateway);
    // One call at a time: the latency the gateway adds when nothing queues.
    const directSerial = await load(500, 1, callDirect);
    const gatewaySerial = await load(500, 1, callGateway);

    // The same calls with a 100-entry allowlist (the last entry matches) and a rate limit on the token.
    const guardedAccount = await db().serviceAccount.create({ data: { orgId, name: "guarded-bench" } });
    await db().toolsetAssignment.create({ data: { orgId, toolsetId: toolset.id, serviceAccountId: guardedAccount.id } });
    await db().networkRule.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({ orgId, serviceAccountId: guardedAccount.id, cidr: i === 99 ? "127.0.0.0/8" : `10.${i}.0.0/16` })),
    });
    const guarded = await mintServiceToken({ orgId, owner: { serviceAccountId: guardedAccount.id }, input: { name: "guarded", rateLimitPerMinute: 100_000 }, createdById: null, audit });
    const guardedClient = await connect(`${base}/org/bench`, { authorization: `Bearer ${guarded.token}` });
    const plainCalls: number[] = [];
    const guardedCalls: number[] = [];
    for (let i = 0; i < 50; i++) {
      await callGateway();
      await guardedClient.callTool({ name: "bench__greet", arguments: { name: "bench" } });
    }
    for (let i = 0; i < 600; i++) {
      await time(plainCalls, callGateway);
      await time(guardedCalls, () => guardedClient.callTool({ name: "bench__greet", arguments: { name: "bench" } }));
    }
    await guardedClient.close();

    const listed = await gatewayClient.listTools();
    if (listed.tools.length !== 101) throw new Error(`expected 101 tools, got ${listed.tools.length}`);
    const list: number[] = [];
    for (let i = 0; i < 30; i++) await gatewayClient.listTools(undefined, { cacheMode: "bypass" });
    for (let i = 0; i < HTTP_SAMPLES; i++) await time(list, () => gatewayClient.listTools(undefined, { cacheMode: "bypass" }));
    await Promise.all([directClient.close(), gatewayClient.close()]);
    return { direct, viaGateway, directSerial, gatewaySerial, list, plainCalls, guardedCalls };
  } finally {
    await upstream.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
