import pg from "pg";
import { env } from "@/lib/env";
import { observeDbPool } from "@/lib/db/observe-db-pool";

// The PostgreSQL connection pools of one process. The admin plane (Prisma:
// pages, /v1, jobs) and the data plane (the MCP endpoint's one-round-trip
// statements) get pools of their own, so bots that fill theirs can never make
// an admin's revoke wait for a connection. The embedded database is one
// session, so there both planes share its single connection.

export type Pools = { admin: pg.Pool; dataPlane: pg.Pool; shared: boolean; named: boolean };

const globalForPools = globalThis as unknown as { controlRoomPools?: Pools };

function createPools(): Pools {
  const { DATABASE_URL, DATABASE_POOL_SIZE, DATA_PLANE_POOL_SIZE, DATABASE_PREPARED_STATEMENTS } = env();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app through server.ts, which prepares the database");
  // A server that does not answer must not hold a request for ever: 5 s to get a connection.
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 });
  // An idle connection that the server closed (a restart, a failover) errors
  // on the pool; the pool replaces it. Without a listener Node would crash.
  admin.on("error", () => {});
  observeDbPool("admin", admin);
  if (DATABASE_POOL_SIZE === 1) return { admin, dataPlane: admin, shared: true, named: false };
  const dataPlane = new pg.Pool({ connectionString: DATABASE_URL, max: DATA_PLANE_POOL_SIZE, application_name: "control-room data plane", connectionTimeoutMillis: 5000 });
  dataPlane.on("error", () => {});
  observeDbPool("data_plane", dataPlane);
  return { admin, dataPlane, shared: false, named: DATABASE_PREPARED_STATEMENTS };
}

/**
 * A data-plane statement as pg takes it: named (parsed and planned once per
 * connection) on PostgreSQL; unnamed on the embedded database, whose
 * connections all share its one session, where a new connection's PREPARE of
 * a name an earlier connection prepared fails with 42P05; unnamed too when
 * DATABASE_PREPARED_STATEMENTS=false (a pooler that cannot keep them).
 */
export function prepared(statement: { name: string; text: string }): { name?: string; text: string } {
  return pools().named ? statement : { text: statement.text };
}

export function pools(): Pools {
  return (globalForPools.controlRoomPools ??= createPools());
}

export async function closePools(): Promise<void> {
  const current = globalForPools.controlRoomPools;
  globalForPools.controlRoomPools = undefined;
  if (!current) return;
  await current.admin.end();
  if (!current.shared) await current.dataPlane.end();
}
