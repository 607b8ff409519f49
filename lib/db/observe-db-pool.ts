/** pg.Pool's counters, as the pool reports them. */
export type ObservablePool = { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } };

// Kept apart from the registry (and from prom-client) so that opening a pool
// costs nothing in processes that never serve /metrics: scripts, tests.
const globalForPools = globalThis as unknown as { controlRoomObservedPools?: Map<string, ObservablePool> };
export const observedPools: Map<string, ObservablePool> = (globalForPools.controlRoomObservedPools ??= new Map());

/**
 * Reports a pg.Pool's connections under `name` at every scrape: the pool
 * behind Prisma's adapter ("admin"), and any other pool the app opens.
 */
export function observeDbPool(name: string, pool: ObservablePool): void {
  observedPools.set(name, pool);
}
