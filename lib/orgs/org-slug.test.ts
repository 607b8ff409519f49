import { describe, expect, it } from "vitest";
import { orgSlugSchema, RESERVED_SLUGS } from "@/lib/orgs/org-slug";

describe("orgSlugSchema", () => {
  it.each(["acme", "acme-corp", "a1b", "x".repeat(40), "team-42-ops"])("accepts %s", (slug) => {
    expect(orgSlugSchema.safeParse(slug).success).toBe(true);
  });

  it.each([
    ["ab", "at least 3"],
    ["x".repeat(41), "at most 40"],
    ["Acme", "lowercase"],
    ["acme_corp", "lowercase"],
    ["-acme", "lowercase"],
    ["acme-", "lowercase"],
    ["ac--me", "lowercase"],
    ["acmé", "lowercase"],
    ["ac me", "lowercase"],
  ])("rejects %s with a message about %s", (slug, words) => {
    const result = orgSlugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(words);
  });

  it("refuses every slug that would shadow a fixed route", () => {
    for (const route of ["login", "org", "api", "settings", "orgs", "healthz", "readyz", "metrics"]) {
      expect(RESERVED_SLUGS.has(route)).toBe(true);
      expect(orgSlugSchema.safeParse(route).error?.issues[0]?.message).toMatch(/reserved/);
    }
  });
});
