import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { startGateway } from "@/lib/testing/start-gateway";
import { addNetworkRule } from "@/lib/network/add-network-rule";
import { evaluateAllowlists } from "@/lib/network/evaluate-allowlists";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";
import { closeRedis } from "@/lib/rate-limit/redis-gcra";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { generateServiceToken } from "@/lib/tokens/token-format";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { type RunningServer } from "@/lib/testing/mcp-upstreams";

// Allowlists and rate limits on the MCP endpoint, over real HTTP from 127.0.0.1.

let gateway: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  gateway = await startGateway();
});
afterAll(() => gateway?.close());
beforeEach(async () => {
  await resetDatabase();
  delete process.env.TRUSTED_PROXY_HOPS;
  tenant = await createTenant();
});

async function bot(options: { rateLimitPerMinute?: number } = {}) {
  const { org, owner, audit } = tenant;
  const account = await createServiceAccount({ orgId: org.id, input: { name: `bot-${crypto.randomUUID().slice(0, 8)}`, description: "" }, createdById: owner.id, audit });
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "", rateLimitPerMinute: options.rateLimitPerMinute }, createdById: owner.id, audit });
  return { accountId: account.id, token: minted.token, tokenId: minted.id };
}

const call = (token: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}org/${tenant.org.slug}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rule = (cidr: string, serviceAccountId: string | null = null) =>
  addNetworkRule({ orgId: tenant.org.id, serviceAccountId, cidr, label: "", audit: tenant.audit });

describe("IP allowlists on the MCP endpoint", () => {
  it("passes a call whose address is on every non-empty layer", async () => {
    const { token, accountId } = await bot();
    expect((await call(token)).status).toBe(200);
    await rule("127.0.0.0/8");
    await rule("127.0.0.1/32", accountId);
    expect((await call(token)).status).toBe(200);
  });

  it("refuses when the organization allows but the account does not, and the reverse, with one opaque answer", async () => {
    const a = await bot();
    await rule("127.0.0.0/8");
    await rule("10.0.0.0/8", a.accountId);
    const accountDenies = await call(a.token);
    expect(accountDenies.status).toBe(403);
    // The denial's audit event is written in the background: let it land before the tables are reset
    // under it (a reset racing that write could fail on its locks).
    await until(async () => (await db().auditEvent.count({ where: { orgId: tenant.org.id, action: "network.denied" } })) === 1);

    await resetDatabase();
    tenant = await createTenant();
    const b = await bot();
    await rule("10.0.0.0/8");
    await rule("127.0.0.0/8", b.accountId);
    const orgDenies = await call(b.token);
    expect(orgDenies.status).toBe(403);
    expect(await orgDenies.json()).toEqual(await accountDenies.json());
  });

  it("does not believe X-Forwarded-For unless TRUSTED_PROXY_HOPS says so", async () => {
    const { token } = await bot();
    await rule("10.0.0.0/8");
    expect((await call(token, { "x-forwarded-for": "10.0.0.1" })).status).toBe(403);
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect((await call(token, { "x-forwarded-for": "10.0.0.1" })).status).toBe(200);
    // With one trusted hop, only the right-most address counts: a spoofed left part changes nothing.
    expect((await call(token, { "x-forwarded-for": "10.0.0.1, 192.0.2.9" })).status).toBe(403);
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect((await call(token, { "x-forwarded-for": "10.0.0.1, 192.0.2.9" })).status).toBe(200);
  });

  it("audits a denial at most once per token and minute", async () => {
    const { token, tokenId } = await bot();
    await rule("10.0.0.0/8");
    for (let i = 0; i < 5; i++) expect((await call(token)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 300));
    const events = await db().auditEvent.findMany({ where: { orgId: tenant.org.id, action: "network.denied" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetId: tokenId, ip: "127.0.0.1" });
  });
});

describe("the allowlist verdict read with the token", () => {
  it("agrees with the rules as stated in evaluateAllowlists, address by address", async () => {
    const { token, accountId } = await bot();
    for (const cidr of ["203.0.113.0/24", "2001:db8::/32", "10.0.0.0/8"]) await rule(cidr);
    for (const cidr of ["203.0.113.0/28", "2001:db8:1::/48", "0.0.0.0/0"]) await rule(cidr, accountId);
    const rules = await db().networkRule.findMany({ where: { orgId: tenant.org.id }, select: { id: true, cidr: true, label: true, serviceAccountId: true } });
    const addresses = ["203.0.113.5", "203.0.113.200", "2001:db8:1::9", "2001:db8:2::9", "10.1.2.3", "192.0.2.1", "::1", "2001:db9::1"];
    for (const ip of addresses) {
      const verification = await verifyServiceToken({ token, clientIp: ip });
      if (verification.status !== "VALID") throw new Error(verification.status);
      const { allowlist } = verification.principal.policy;
      const sqlAllowed = (allowlist.org === 0 || allowlist.orgMatch) && (allowlist.account === 0 || allowlist.accountMatch);
      expect(sqlAllowed, ip).toBe(evaluateAllowlists(rules, ip, accountId).allowed);
    }
  });
});

describe("rate limits on the MCP endpoint", () => {
  it("answers 429 with Retry-After, RateLimit headers and a JSON-RPC error past the token's limit", async () => {
    const { token } = await bot({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await call(token)).status).toBe(200);
    const limited = await call(token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-policy")).toBe('"per-token";q=3;w=60');
    expect(limited.headers.get("ratelimit")).toMatch(/^"per-token";r=0;t=\d+$/);
    expect(await limited.json()).toMatchObject({ jsonrpc: "2.0", error: { message: expect.stringMatching(/rate limit/i) } });
  });

  it("applies the organization's default to tokens without a limit of their own", async () => {
    await db().organization.update({ where: { id: tenant.org.id }, data: { defaultRateLimitPerMinute: 2 } });
    const { token } = await bot();
    expect((await call(token)).status).toBe(200);
    expect((await call(token)).status).toBe(200);
    expect((await call(token)).status).toBe(429);
  });

  it("slows down an address that sends many unusable tokens", async () => {
    for (let i = 0; i < 30; i++) expect((await call(generateServiceToken().token)).status).toBe(401);
    const throttled = await call(generateServiceToken().token);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("never refuses a valid token from a throttled address (a bot behind the same NAT keeps working)", async () => {
    const { token } = await bot();
    for (let i = 0; i < 31; i++) await call(generateServiceToken().token);
    expect((await call(generateServiceToken().token)).status).toBe(429);
    for (let i = 0; i < 3; i++) expect((await call(token)).status).toBe(200);
    // Nor do its calls count against the address.
    expect((await call(generateServiceToken().token)).status).toBe(429);
  });
});

describe("rate limits in Redis (REDIS_URL)", () => {
  let redis: ChildProcess | undefined;
  afterAll(async () => {
    delete process.env.REDIS_URL;
    await closeRedis();
    redis?.kill("SIGKILL");
  });

  it("counts in Redis, and when Redis stops mid-run keeps limiting in PostgreSQL without failing a call", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 500));

    const { token, tokenId } = await bot({ rateLimitPerMinute: 4 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    // Counted in Redis, not in PostgreSQL.
    expect(await db().rateLimitState.count({ where: { key: `token:${tokenId}` } })).toBe(0);

    redis.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 300));
    const after = [];
    for (let i = 0; i < 5; i++) after.push((await call(token)).status);
    // The documented behaviour: PostgreSQL takes over, with its own count; no call fails because Redis is gone.
    expect(after).toEqual([200, 200, 200, 200, 429]);
    expect(await db().rateLimitState.count({ where: { key: `token:${tokenId}` } })).toBe(1);
  }, 30_000);
});
