import { describe, expect, it } from "vitest";
import { LIFETIME_PRESETS, resolveExpiry } from "@/lib/tokens/token-lifetime";
import { mintTokenSchema } from "@/lib/tokens/contract";

const now = new Date("2026-11-22T12:00:00.000Z");
const HOUR = 3_600_000;

describe("token lifetime", () => {
  it("defaults to one year", () => {
    expect(resolveExpiry({}, now)).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 365 * 24 * HOUR) });
  });

  it.each(Object.entries(LIFETIME_PRESETS))("turns the preset %s into an expiry", (preset, ms) => {
    expect(resolveExpiry({ expiresIn: preset as keyof typeof LIFETIME_PRESETS }, now)).toEqual({ ok: true, expiresAt: new Date(now.getTime() + ms) });
  });

  it("accepts a custom date between 1 hour and 1 year away", () => {
    const at = new Date(now.getTime() + 48 * HOUR).toISOString();
    expect(resolveExpiry({ expiresAt: at }, now)).toEqual({ ok: true, expiresAt: new Date(at) });
  });

  it.each([
    ["in the past", -HOUR, "at least 1 hour"],
    ["ten minutes away", HOUR / 6, "at least 1 hour"],
    ["two years away", 2 * 365 * 24 * HOUR, "at most 1 year"],
    ["55 minutes away", 55 * 60_000, "at least 1 hour"],
    ["one millisecond short of an hour", HOUR - 1, "at least 1 hour"],
    ["one year and five minutes away", 365 * 24 * HOUR + 5 * 60_000, "at most 1 year"],
    ["one year and a millisecond away", 365 * 24 * HOUR + 1, "at most 1 year"],
  ])("refuses a custom date %s, naming expiresAt", (_, offset, message) => {
    const result = resolveExpiry({ expiresAt: new Date(now.getTime() + offset).toISOString() }, now);
    expect(result).toMatchObject({ ok: false, field: "expiresAt" });
    expect(!result.ok && result.message).toContain(message);
  });

  it.each([
    ["exactly 1 hour", HOUR],
    ["exactly 1 year", 365 * 24 * HOUR],
  ])("accepts a custom date %s away", (_, offset) => {
    const at = new Date(now.getTime() + offset);
    expect(resolveExpiry({ expiresAt: at.toISOString() }, now)).toEqual({ ok: true, expiresAt: at });
  });

  it("refuses both fields at once and unknown presets", () => {
    expect(resolveExpiry({ expiresIn: "1d", expiresAt: now.toISOString() }, now)).toMatchObject({ ok: false, field: "expiresAt" });
    const parsed = mintTokenSchema.safeParse({ expiresIn: "2y" });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["expiresIn"] });
    expect(mintTokenSchema.safeParse({ expiresAt: "next tuesday" }).error?.issues[0]?.path).toEqual(["expiresAt"]);
  });

  it("rejects fields a caller must never set", () => {
    const parsed = mintTokenSchema.safeParse({ name: "ci", tokenHash: "x", revokedAt: null, orgId: "y", createdBy: "z" });
    expect(parsed.error?.issues.flatMap((i) => ("keys" in i ? i.keys : []))).toEqual(["tokenHash", "revokedAt", "orgId", "createdBy"]);
  });
});
