import { beforeAll, describe, expect, it } from "vitest";
import * as syncRoute from "@/app/v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync/route";
import * as whoamiRoute from "@/app/v1/orgs/[orgSlug]/whoami/route";
import { db } from "@/lib/db/prisma";
import { chargeTokenWork, WORK_COST } from "@/lib/network/charge-token-work";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// A token's per-minute limit counts work: a sync costs WORK_COST.catalogSync requests.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let serverId: string;

beforeAll(async () => {
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  await resetDatabase();
  tenant = await createTenant();
  // Nothing listens there: the sync fails fast, and still did its work's worth of trying.
  serverId = (await db().mcpServer.create({ data: { orgId: tenant.org.id, name: "Gone", slug: "gone", url: "http://127.0.0.1:9/mcp", timeoutMs: 1000 } })).id;
});

async function tokenWithLimit(rateLimitPerMinute: number) {
  const { org, owner, audit } = tenant;
  return (await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "sync-bot", accessMode: "FULL_ACCESS", rateLimitPerMinute }, createdById: owner.id, audit })).token;
}

const as = (token: string, method = "GET") => new Request("http://localhost/v1/orgs/x", { method, headers: { authorization: `Bearer ${token}` } });
const sync = (token: string) => syncRoute.POST(as(token, "POST"), { params: Promise.resolve({ orgSlug: tenant.org.slug, serverId }) });
const whoami = (token: string) => whoamiRoute.GET(as(token), { params: Promise.resolve({ orgSlug: tenant.org.slug }) });

describe("rate limits count work", () => {
  it("charges a sync as several requests", async () => {
    const limit = 2 * WORK_COST.catalogSync + 1;
    const token = await tokenWithLimit(limit);
    expect((await sync(token)).status).toBeLessThan(429);
    expect((await sync(token)).status).toBeLessThan(429);
    // Two syncs spent 2 × cost of the limit: one request is left, not 2 × (cost - 1) + 1.
    expect((await whoami(token)).status).toBe(200);
    const refused = await whoami(token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a sync the rest of the minute cannot cover, before it starts", async () => {
    const token = await tokenWithLimit(WORK_COST.catalogSync + 2);
    for (let i = 0; i < 3; i++) expect((await whoami(token)).status).toBe(200);
    const before = await db().mcpServer.findUniqueOrThrow({ where: { id: serverId }, select: { lastError: true, lastErrorAt: true } });
    const refused = await sync(token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe(`"per-token";q=${WORK_COST.catalogSync + 2};w=60`);
    expect(await db().mcpServer.findUniqueOrThrow({ where: { id: serverId }, select: { lastError: true, lastErrorAt: true } })).toEqual(before);
  });

  it("charges a fan-out (a tasks method over three upstream sessions) as three requests, the request's own included", async () => {
    const token = await tokenWithLimit(4);
    const verified = await verifyServiceToken({ token });
    if (verified.status !== "VALID") throw new Error(verified.status);
    expect(await chargeTokenWork({ principal: verified.principal, units: 3 })).toEqual({ kind: "ok" });
    expect((await whoami(token)).status).toBe(200);
    expect((await whoami(token)).status).toBe(200);
    expect((await whoami(token)).status).toBe(429);
    expect(await chargeTokenWork({ principal: verified.principal, units: 3 })).toMatchObject({ kind: "rate_limited", retryAfterSeconds: expect.any(Number) });
  });

  it("lets a token whose whole limit is below the cost still sync once a minute", async () => {
    const token = await tokenWithLimit(2);
    expect((await sync(token)).status).toBeLessThan(429);
    expect((await whoami(token)).status).toBe(429);
  });
});
