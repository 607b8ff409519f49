import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authorizeCaller } from "@/lib/mcp/relay/authorize-caller";
import { clearLeases } from "@/lib/rate-limit/token-slot-leases";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// Leased rate-limit slots on the MCP endpoint's statement, counted by the
// database: a high-limit token's calls take several slots at once, and the
// limit, a lowered limit and a revocation still hold on the very next call.

let tenant: Awaited<ReturnType<typeof createTenant>>;

beforeEach(async () => {
  await resetDatabase();
  clearLeases();
  tenant = await createTenant();
});

async function bot(rateLimitPerMinute: number) {
  const { org, owner, audit } = tenant;
  const minted = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "", accessMode: "FULL_ACCESS", grants: [], rateLimitPerMinute }, createdById: owner.id, audit });
  return { token: minted.token, tokenId: minted.id };
}

const authorize = (token: string) =>
  authorizeCaller({ variant: "auth", token, ip: "127.0.0.1", requestId: "r", userAgent: null, orgSlug: tenant.org.slug, sessionIdHash: null, capabilitiesDigest: "d" });

const tatOf = async (tokenId: string) => (await db().rateLimitState.findUnique({ where: { key: `token:${tokenId}` } }))?.tat.getTime() ?? null;

describe("leased rate-limit slots", () => {
  it("never lets more concurrent calls through than the limit allows, and wastes almost none of it", async () => {
    // 6,000 a minute: one slot every 10 ms, leases of 5 (a burst of the whole minute's 6,000 is allowed).
    // Twice as many calls as that, 50 at a time: however long the run, half of them must be refused.
    const limit = 6_000;
    const { token } = await bot(limit);
    const started = Date.now();
    const kinds: string[] = [];
    for (let wave = 0; wave < 240; wave++) kinds.push(...(await Promise.all(Array.from({ length: 50 }, () => authorize(token)))).map((o) => o.kind));
    const elapsedMs = Date.now() - started;
    const ok = kinds.filter((k) => k === "ok").length;
    expect(kinds.filter((k) => k !== "ok" && k !== "rate_limited")).toEqual([]);
    // The most GCRA allows in that time: the burst, and one slot per 10 ms since.
    expect(ok).toBeLessThanOrEqual(limit + Math.ceil(elapsedMs / 10) + 1);
    // At most one lease's worth (4 slots) taken and never used.
    expect(ok).toBeGreaterThanOrEqual(limit - 4);
  }, 60_000);

  it("takes slots ahead for a high-limit token, and judges a lowered limit on the next call, not from them", async () => {
    const { token, tokenId } = await bot(120_000);
    expect((await authorize(token)).kind).toBe("ok");
    const leased = await tatOf(tokenId);
    // The second call spends a slot the first one took: the limiter row is not written.
    expect((await authorize(token)).kind).toBe("ok");
    expect(await tatOf(tokenId)).toBe(leased);
    await db().serviceToken.update({ where: { id: tokenId }, data: { rateLimitPerMinute: 1 } });
    // Under one a minute, two more calls cannot both pass; from the old lease (48 slots left) they would.
    const next = [(await authorize(token)).kind, (await authorize(token)).kind];
    expect(next.filter((kind) => kind === "ok").length).toBeLessThanOrEqual(1);
    expect(next).toContain("rate_limited");
  });

  it("with RATE_LIMIT_LEASES=off takes a slot on every call", async () => {
    process.env.RATE_LIMIT_LEASES = "off";
    try {
      const { token, tokenId } = await bot(120_000);
      expect((await authorize(token)).kind).toBe("ok");
      const first = await tatOf(tokenId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await authorize(token)).kind).toBe("ok");
      expect(await tatOf(tokenId)).not.toBe(first);
    } finally {
      delete process.env.RATE_LIMIT_LEASES;
    }
  });

  it("refuses a revoked token on the next call although slots are leased for it", async () => {
    const { token, tokenId } = await bot(120_000);
    expect((await authorize(token)).kind).toBe("ok");
    await db().serviceToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    expect((await authorize(token)).kind).toBe("invalid");
  });
});
