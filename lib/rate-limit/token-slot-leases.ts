// Rate-limit slots the MCP relay holds ahead for high-limit tokens. A token
// allowed thousands of calls a minute would otherwise write its limiter row in
// PostgreSQL on every call (and every instance's calls would queue on that one
// row's lock); instead, the relay's statement takes several slots at once
// (rate_limit_take, prisma/sql/) and this instance spends them on the token's
// next calls. The statement still runs on every call: revocation, disabling,
// allowlist and access are checked each time; only the limiter write is
// skipped. A token whose limit changed gets no call from an old lease.
//
// The price, and its bound: a lease is counted when taken, and GCRA forgives
// a debt once its time has passed, so slots spent after the token went idle
// for longer than the lease's own debt (at most 50 ms at the full rate) can
// come on top of a fresh full burst. A token allowed L calls a minute can so
// get at most L / LEASE_SHARE (and never more than MAX_LEASE − 1) calls more
// per instance in such a burst than exact counting gives; below
// 2 × LEASE_SHARE a minute every call takes its own slot and counting is
// exact. RATE_LIMIT_LEASES=off makes it exact for every token.

/** At most this share of a token's per-minute limit is held at once (1/1200: 50 ms of calls at the full rate)… */
export const LEASE_SHARE = 1200;
/** …and never more than this many slots. Below 2 × LEASE_SHARE per minute, every call takes its own slot. */
export const MAX_LEASE = 50;
/** Unused leased slots are dropped after this long. */
export const LEASE_TTL_MS = 1000;
/** A lease take whose statement has not come back after this long no longer holds back the token's other calls. */
const TAKE_STALE_MS = 5000;

/** The most slots the relay's statement takes at once for a token with this limit (SQL). */
export const LEASE_SIZE_SQL = (limit: string) => `GREATEST(1, LEAST(${MAX_LEASE}, (${limit}) / ${LEASE_SHARE}))::int`;

type Lease = { limit: number; left: number; until: number };

const globalForLeases = globalThis as unknown as { controlRoomSlotLeases?: { held: Map<string, Lease>; taking: Map<string, number> } };
const state = (globalForLeases.controlRoomSlotLeases ??= { held: new Map(), taking: new Map() });

/** What a call's statement asks for: `take` slots (0, 1, or a lease of up to MAX_LEASE), or none because it holds a slot of `lease`. */
export type SlotPlan = { take: number; lease: Lease | null };

export const NO_SLOTS: SlotPlan = { take: 0, lease: null };

/**
 * Before a call's statement (the token by its hash): a slot from this
 * instance's lease, held for the call, when there is one; else one slot while
 * another of its calls is taking a lease (a burst takes one lease, not one
 * each); else a lease (the SQL caps it by the token's limit, LEASE_SIZE_SQL).
 * Every plan is settled with settleSlots, whatever the statement did.
 * `leasing` false (RATE_LIMIT_LEASES=off): always one slot.
 */
export function planSlots(tokenHash: string, { leasing = true, now = Date.now() }: { leasing?: boolean; now?: number } = {}): SlotPlan {
  const lease = state.held.get(tokenHash);
  if (lease && lease.left > 0 && lease.until > now) {
    lease.left--;
    return { take: 0, lease };
  }
  if (lease) state.held.delete(tokenHash);
  const taking = state.taking.get(tokenHash);
  if (!leasing || (taking !== undefined && now - taking < TAKE_STALE_MS)) return { take: 1, lease: null };
  if (state.taking.size >= 10_000) state.taking.clear();
  state.taking.set(tokenHash, now);
  return { take: MAX_LEASE, lease: null };
}

/**
 * After the statement, with the token's limit as it read it and the slots it
 * took (0 when it took none or was refused): keeps what a lease brought
 * beyond the call's own slot, and says whether the call has a leased slot — only if the limit is still the
 * one the lease was taken under (else the lease is dropped, and the call takes
 * a slot of its own).
 */
export function settleSlots(tokenHash: string, plan: SlotPlan, { limit, taken }: { limit: number | null; taken: number }, now = Date.now()): boolean {
  if (plan.take === MAX_LEASE) state.taking.delete(tokenHash);
  if (plan.lease) {
    if (limit === plan.lease.limit) return true;
    // The limit changed: the lease goes.
    if (state.held.get(tokenHash) === plan.lease) state.held.delete(tokenHash);
    return false;
  }
  if (!limit || taken <= 1) return false;
  const lease = state.held.get(tokenHash);
  if (lease && lease.limit === limit && lease.until > now) {
    lease.left += taken - 1;
    lease.until = now + LEASE_TTL_MS;
  } else {
    if (state.held.size >= 10_000) state.held.clear();
    state.held.set(tokenHash, { limit, left: taken - 1, until: now + LEASE_TTL_MS });
  }
  return false;
}

/** When the statement failed: a held slot goes back to its lease, a lease take is no longer under way. */
export function releaseSlots(tokenHash: string, plan: SlotPlan): void {
  if (plan.take === MAX_LEASE) state.taking.delete(tokenHash);
  if (plan.lease) plan.lease.left++;
}

/** What this instance holds for a token (tests). */
export function leasedSlots(tokenHash: string): number {
  return state.held.get(tokenHash)?.left ?? 0;
}

/** Forgets every lease (tests). */
export function clearLeases(): void {
  state.held.clear();
  state.taking.clear();
}
