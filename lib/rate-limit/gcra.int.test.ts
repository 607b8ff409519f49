import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limit/gcra";
import { pruneRateLimitState } from "@/lib/rate-limit/prune-rate-limit-state";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

const rule = { limit: 3, windowMs: 60_000 };

describe("GCRA limiter in PostgreSQL", () => {
  it("allows `limit` events per window and then says how long to wait", async () => {
    for (let i = 0; i < rule.limit; i++) expect((await consumeRateLimit("k", rule)).allowed).toBe(true);
    const denied = await consumeRateLimit("k", rule);
    expect(denied.allowed).toBe(false);
    // One slot refills every windowMs / limit = 20 s.
    expect(denied.retryAfterMs).toBeGreaterThan(15_000);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect((await consumeRateLimit("other", rule)).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent callers through", async () => {
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit("burst", rule)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(rule.limit);
  });

  it("gives a slot back on refund", async () => {
    for (let i = 0; i < rule.limit; i++) await consumeRateLimit("r", rule);
    await refundRateLimit("r", rule);
    expect((await consumeRateLimit("r", rule)).allowed).toBe(true);
    expect((await consumeRateLimit("r", rule)).allowed).toBe(false);
  });

  it("does not let denied attempts push the wait further out", async () => {
    for (let i = 0; i < 50; i++) await consumeRateLimit("flood", rule);
    expect((await consumeRateLimit("flood", rule)).retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("prunes keys that have fully refilled and keeps the rest", async () => {
    await consumeRateLimit("live", rule);
    await db().rateLimitState.create({ data: { key: "stale", tat: new Date(Date.now() - 2 * 3_600_000) } });
    expect(await pruneRateLimitState()).toBe(1);
    expect((await db().rateLimitState.findMany()).map((r) => r.key)).toEqual(["live"]);
  });
});
