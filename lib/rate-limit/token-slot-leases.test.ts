import { beforeEach, describe, expect, it } from "vitest";
import { clearLeases, LEASE_TTL_MS, leasedSlots, MAX_LEASE, planSlots, releaseSlots, settleSlots } from "@/lib/rate-limit/token-slot-leases";

// The bookkeeping of leased rate-limit slots in one instance (the counting
// itself is PostgreSQL's: token-slot-leases.int.test.ts).

beforeEach(() => clearLeases());

const at = (now: number) => ({ now });

describe("leased rate-limit slots", () => {
  it("lets a burst take one lease: the calls that start while it is being taken ask for one slot each", () => {
    const first = planSlots("t", at(0));
    expect(first.take).toBe(MAX_LEASE);
    expect(planSlots("t", at(0)).take).toBe(1);
    expect(planSlots("t", at(0)).take).toBe(1);
    expect(settleSlots("t", first, { limit: 60_000, taken: 50 }, 0)).toBe(false);
    expect(leasedSlots("t")).toBe(49);
    // The next calls take none and each holds one of the 49.
    const next = planSlots("t", at(1));
    expect(next.take).toBe(0);
    expect(leasedSlots("t")).toBe(48);
    expect(settleSlots("t", next, { limit: 60_000, taken: 0 }, 1)).toBe(true);
  });

  it("spends a lease exactly: as many calls as slots taken, then a new take", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 6_000, taken: 5 }, 0);
    const plans = Array.from({ length: 5 }, () => planSlots("t", at(1)));
    expect(plans.map((p) => p.take)).toEqual([0, 0, 0, 0, MAX_LEASE]);
  });

  it("gives no call from a lease taken under another limit, and drops it", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 60_000, taken: 50 }, 0);
    const plan = planSlots("t", at(1));
    expect(settleSlots("t", plan, { limit: 1, taken: 0 }, 1)).toBe(false);
    expect(leasedSlots("t")).toBe(0);
    expect(planSlots("t", at(2)).take).toBe(MAX_LEASE);
  });

  it("drops only the lease a call held, not a newer one taken meanwhile", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 60_000, taken: 2 }, 0);
    const old = planSlots("t", at(1)); // the old lease's last slot
    settleSlots("t", planSlots("t", at(1)), { limit: 120_000, taken: 50 }, 1); // a new lease under a new limit
    expect(settleSlots("t", old, { limit: 120_000, taken: 0 }, 2)).toBe(false);
    expect(leasedSlots("t")).toBe(49);
  });

  it("gives a held slot back when the statement failed", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 60_000, taken: 3 }, 0);
    const plan = planSlots("t", at(1));
    expect(leasedSlots("t")).toBe(1);
    releaseSlots("t", plan);
    expect(leasedSlots("t")).toBe(2);
  });

  it("lets unused slots expire", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 60_000, taken: 50 }, 0);
    expect(planSlots("t", at(LEASE_TTL_MS - 1)).take).toBe(0);
    expect(planSlots("t", at(LEASE_TTL_MS)).take).toBe(MAX_LEASE);
  });

  it("keeps nothing from a refused or single take, and frees the take when the statement failed", () => {
    settleSlots("t", planSlots("t", at(0)), { limit: 600, taken: 1 }, 0);
    expect(leasedSlots("t")).toBe(0);
    settleSlots("t", planSlots("t", at(0)), { limit: 60_000, taken: 0 }, 0);
    expect(leasedSlots("t")).toBe(0);
    releaseSlots("t", planSlots("t", at(0)));
    expect(planSlots("t", at(0)).take).toBe(MAX_LEASE);
  });

  it("stops waiting for a take that never came back", () => {
    planSlots("t", at(0)); // its statement hangs
    expect(planSlots("t", at(4_999)).take).toBe(1);
    expect(planSlots("t", at(5_000)).take).toBe(MAX_LEASE);
  });

  it("takes one slot per call when leases are off", () => {
    expect(planSlots("t", { leasing: false, now: 0 }).take).toBe(1);
    expect(planSlots("t", { leasing: false, now: 0 }).take).toBe(1);
  });
});
