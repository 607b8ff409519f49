import { describe, expect, it } from "vitest";
import { customDateBounds, customExpiryProblem } from "@/lib/client/token-expiry";
import { MAX_LIFETIME_MS, MIN_LIFETIME_MS } from "@/lib/tokens/token-lifetime";

const now = new Date("2026-12-02T10:00:30").getTime();

describe("a custom token expiry in the browser", () => {
  it("the earliest and latest times the picker offers are still accepted a minute later", () => {
    const { min, max } = customDateBounds(now);
    expect(customExpiryProblem(new Date(min), now + 60_000)).toBeNull();
    expect(customExpiryProblem(new Date(max), now + 60_000)).toBeNull();
  });

  it("exactly 1 hour and exactly 1 year are allowed, as the API allows them", () => {
    expect(customExpiryProblem(new Date(now + MIN_LIFETIME_MS), now)).toBeNull();
    expect(customExpiryProblem(new Date(now + MAX_LIFETIME_MS), now)).toBeNull();
  });

  it("names the problem before anything is sent", () => {
    expect(customExpiryProblem(null, now)).toMatch(/Choose the date and time/);
    expect(customExpiryProblem(new Date("not a date"), now)).toMatch(/Choose the date and time/);
    expect(customExpiryProblem(new Date(now + MIN_LIFETIME_MS - 1), now)).toMatch(/at least 1 hour from now \(2026-12-02 11:01 or later\)/);
    expect(customExpiryProblem(new Date(now + MAX_LIFETIME_MS + 1), now)).toMatch(/at most 1 year/);
  });
});
