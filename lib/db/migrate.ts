import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations the way `prisma migrate deploy` would, without
// Prisma's native schema engine (which cannot be downloaded here). Rows in
// _prisma_migrations are written exactly as Prisma writes them, so
// `prisma migrate status` agrees on a machine that has the engine.

// The key Prisma's own migrate engine locks, so the two never run at once.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrateOptions = {
  connectionString: string;
  /** prisma/migrations: one folder per migration, each with migration.sql. */
  migrationsDir?: string;
  /** prisma/sql: idempotent functions and triggers, re-applied on every run. */
  repeatableDir?: string;
  log?: (line: string) => void;
};

export type MigrateResult = { applied: string[] };

type LocalMigration = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrateDatabase({
  connectionString,
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
  repeatableDir = path.join(process.cwd(), "prisma", "sql"),
  log = () => {},
}: MigrateOptions): Promise<MigrateResult> {
  const local = await readLocalMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const pending = planMigrations(local, rows);
      for (const migration of pending) {
        await applyMigration(client, migration);
        log(`Applied migration ${migration.name}`);
      }
      for (const file of await readRepeatable(repeatableDir)) {
        await inTransaction(client, () => client.query(file.sql));
      }
      return { applied: pending.map((m) => m.name) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Which local migrations still need applying; throws if the history cannot be trusted. */
function planMigrations(local: LocalMigration[], rows: AppliedRow[]): LocalMigration[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed or was interrupted half-way (see "logs" in _prisma_migrations). ` +
        `Repair the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
        `WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL) and start again.`,
    );
  }
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this build does not have. ` +
          `Is an older version of the app starting against a newer database?`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
          `in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
  const applied = new Set(live.map((row) => row.migration_name));
  return local.filter((m) => !applied.has(m.name));
}

async function applyMigration(client: pg.Client, migration: LocalMigration): Promise<void> {
  // The row is committed before the script runs, as Prisma does, so that a
  // failure or a crash half-way leaves a row with no finished_at behind.
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await inTransaction(client, () => client.query(migration.sql));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}

async function inTransaction(client: pg.Client, work: () => Promise<unknown>): Promise<void> {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function readLocalMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8").catch(() => null);
    if (sql === null) continue;
    migrations.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

async function readRepeatable(dir: string): Promise<{ name: string; sql: string }[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".sql")).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name), "utf8") })));
}
