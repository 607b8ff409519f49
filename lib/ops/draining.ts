// Whether this instance is draining: set once when shutdown begins, so that
// /readyz fails first and the load balancer stops sending new requests before
// the server stops accepting them (the drain itself is the shutdown's job).
// Kept on globalThis: server.ts and Next's own copy of this module share it.

const globalForDraining = globalThis as unknown as { controlRoomDraining?: { since: number | null } };
const state = (globalForDraining.controlRoomDraining ??= { since: null });

/** Marks the instance as draining; /readyz answers 503 from now on. Idempotent. */
export function startDraining(): void {
  state.since ??= Date.now();
}

export function isDraining(): boolean {
  return state.since !== null;
}
