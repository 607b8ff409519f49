import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { peekRateLimit, penalizeRateLimit } from "@/lib/rate-limit/gcra";
import { pruneRateLimitState } from "@/lib/rate-limit/prune-rate-limit-state";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

const rule = { limit: 3, windowMs: 60_000 };

describe("GCRA limiter in PostgreSQL", () => {
  it("allows `limit` events per window and then says how long to wait", async () => {
    for (let i = 0; i < rule.limit; i++) {
      expect((await peekRateLimit("k", rule)).limited).toBe(false);
      await penalizeRateLimit("k", rule);
    }
    const state = await peekRateLimit("k", rule);
    expect(state.limited).toBe(true);
    // One event refills every windowMs / limit = 20 s.
    expect(state.retryAfterMs).toBeGreaterThan(15_000);
    expect(state.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect((await peekRateLimit("other", rule)).limited).toBe(false);
  });

  it("counts events from many callers at once exactly", async () => {
    await Promise.all(Array.from({ length: rule.limit }, () => penalizeRateLimit("burst", rule)));
    expect((await peekRateLimit("burst", rule)).limited).toBe(true);
  });

  it("never runs more than one window ahead, so a flood cannot lock a key out for longer", async () => {
    for (let i = 0; i < 50; i++) await penalizeRateLimit("flood", rule);
    expect((await peekRateLimit("flood", rule)).retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("prunes keys that have fully refilled and keeps the rest", async () => {
    await penalizeRateLimit("live", rule);
    await db().rateLimitState.create({ data: { key: "stale", tat: new Date(Date.now() - 2 * 3_600_000) } });
    expect(await pruneRateLimitState()).toBe(1);
    expect((await db().rateLimitState.findMany()).map((r) => r.key)).toEqual(["live"]);
  });
});
