import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type ScratchDatabase = { url: string; kind: "postgres" | "pglite"; drop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: never against anything but this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}); point DATABASE_URL at 127.0.0.1`);
  }
}

/**
 * A throwaway database: a fresh database on the PostgreSQL server of
 * `serverUrl` (DATABASE_URL), or, without one, a fresh in-memory PGlite
 * served over the wire protocol like the app's embedded default.
 */
export async function createScratchDatabase(prefix: string, serverUrl: string | undefined): Promise<ScratchDatabase> {
  if (!serverUrl) return createPgliteDatabase();
  assertLocalDatabase(serverUrl);
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function createPgliteDatabase(): Promise<ScratchDatabase> {
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    kind: "pglite",
    async drop() {
      await server.stop();
      await pglite.close();
    },
  };
}
