// `npm run bench`: token verification and the service-account list under
// load-shaped data (10,000 service accounts, 100,000 tokens) on PostgreSQL,
// then the MCP gateway against its upstream directly, a bare proxy, and that
// proxy running the relay's own query per call (scripts/bench-gateway.ts). A
// script, not a test: it prints numbers and the targets it met or missed; it
// asserts nothing.
//
// Uses a throwaway database on the server at DATABASE_URL (default: the local
// PostgreSQL at 127.0.0.1:5432), a production build (built if missing), and
// wrk (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk).
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { analyzeDatabase, seedBenchCatalog } from "./bench-catalog";
import { benchRelay, printRelaySummary, startBenchUpstream } from "./bench-gateway";

const ACCOUNTS = 10_000;
const TOKENS_PER_ACCOUNT = 10;
const SAMPLES = 2_000;
const HTTP_SAMPLES = 300;
const PORT = Number(process.env.BENCH_PORT ?? 3399);
const ADMIN = { email: "bench@example.test", password: "bench password 123" };
const DATA_DIR = `/tmp/control-room-bench-${process.pid}`;
const SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");

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

function startServer(url: string): Promise<{ stop: () => void; pid: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: url, PORT: String(PORT), DATA_DIR, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: "warn", SECRETS_KEY, UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8", CATALOG_SYNC_INTERVAL: "1h" };
  const flags = process.env.BENCH_SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn("node_modules/.bin/tsx", [...flags, "server.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  // Ready when /readyz says so (the server logs at warn here, so it prints no "ready" line).
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    const poll = async () => {
      const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`).then((r) => r.ok, () => false);
      if (ready) resolve({ stop: () => child.kill("SIGTERM"), pid: child.pid! });
      else if (child.exitCode === null) setTimeout(poll, 250);
    };
    void poll();
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
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is ENOENT.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error("npm run bench needs wrk, the HTTP load generator: apt-get install wrk (Debian, Ubuntu) or brew install wrk (macOS)");
      process.exit(1);
    }
  }
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
    const server = await startServer(database.url);
    stopServer = server.stop;
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

    const relay = await benchGateway({ base, orgId, audit, gatewayPid: server.pid });

    console.log(`\nControl Room benchmark (node ${process.version}, PostgreSQL, ${ACCOUNTS} accounts, ${ACCOUNTS * TOKENS_PER_ACCOUNT} tokens)`);
    const v = summary("token verification (in process)", verify);
    const l = summary("service-account list, first page (in process)", list);
    const h = summary("GET /v1/orgs/:slug/service-accounts (HTTP)", httpList);
    summary("GET /v1/orgs/:slug/whoami with a token (HTTP)", httpWhoami);
    printRelaySummary(relay);
    console.log(`\ntargets: verification p50 <= 1 ms: ${v.p50 <= 1 ? "met" : "MISSED"}; list page p50 <= 50 ms: ${Math.max(l.p50, h.p50) <= 50 ? "met" : "MISSED"}`);
    await db().$disconnect();
  } finally {
    stopServer?.();
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

/** The catalog and accounts of the gateway part, then the interleaved rounds (scripts/bench-gateway.ts). */
async function benchGateway({ base, orgId, audit, gatewayPid }: { base: string; orgId: string; gatewayPid: number; audit: Parameters<typeof import("@/lib/tokens/mint-service-token").mintServiceToken>[0]["audit"] }) {
  process.env.SECRETS_KEY = SECRETS_KEY;
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  const { db } = await import("@/lib/db/prisma");
  const { createMcpServer } = await import("@/lib/mcp-servers/create-mcp-server");
  const { mintServiceToken } = await import("@/lib/tokens/mint-service-token");
  const { STATEMENTS } = await import("@/lib/mcp/relay/caller-statements");
  const { hashToken } = await import("@/lib/tokens/token-format");
  const { invalidTokenKey } = await import("@/lib/tokens/verify-service-token");
  const upstream = await startBenchUpstream();
  try {
    const server = await createMcpServer({ orgId, input: { name: "Bench upstream", slug: "bench", url: upstream.url, headers: {}, timeoutMs: 30_000 }, audit });
    if (server.health !== "HEALTHY") throw new Error(`bench upstream did not sync: ${server.lastError}`);
    const greet = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "greet" } });

    const { toolsetId } = await seedBenchCatalog({ db: db(), orgId, greetId: greet.id });
    // The measured bot: a 100-entry allowlist whose last entry matches, and a rate limit it never reaches.
    const account = await db().serviceAccount.create({ data: { orgId, name: "gateway-bench" } });
    await db().toolsetAssignment.create({ data: { orgId, toolsetId, serviceAccountId: account.id } });
    await db().networkRule.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({ orgId, serviceAccountId: account.id, cidr: i === 99 ? "127.0.0.0/8" : `10.${i}.0.0/16` })),
    });
    const { token } = await mintServiceToken({ orgId, owner: { serviceAccountId: account.id }, input: { name: "bench", rateLimitPerMinute: 10_000_000 }, createdById: null, audit });
    const plainAccount = await db().serviceAccount.create({ data: { orgId, name: "plain-bench" } });
    await db().toolsetAssignment.create({ data: { orgId, toolsetId, serviceAccountId: plainAccount.id } });
    const plain = await mintServiceToken({ orgId, owner: { serviceAccountId: plainAccount.id }, input: { name: "plain" }, createdById: null, audit });
    await analyzeDatabase(db());
    // The floor with the gateway's one round trip: the tools/call statement the relay runs for this token and tool,
    // as a call with a leased rate-limit slot runs it (taking none; the relay also takes a lease every 50 calls).
    const values = [hashToken(token), invalidTokenKey("127.0.0.1"), "127.0.0.1", 0, null, "bench", "bench__greet"];
    const floor = { databaseUrl: process.env.DATABASE_URL!, query: { ...STATEMENTS.tool, values } };
    return await benchRelay({ upstreamUrl: upstream.url, gatewayUrl: `${base}/org/bench`, gatewayPid, token, plainToken: plain.token, floor });
  } finally {
    upstream.process.kill("SIGTERM");
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
