import { describe, expect, it } from "vitest";
import { percentileCont } from "@/lib/testing/percentile";

describe("percentileCont", () => {
  it("interpolates between the nearest values as PostgreSQL does", () => {
    // percentile_cont(0.95) over 1..10: position 8.55 → 9 + 0.55 × (10 − 9)
    expect(percentileCont([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.95)).toBeCloseTo(9.55);
    expect(percentileCont([7], 0.95)).toBe(7);
    expect(percentileCont([], 0.95)).toBeNull();
  });
});
