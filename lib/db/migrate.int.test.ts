import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, MigrationError } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const serverUrl = process.env.TEST_SERVER_URL || undefined;
const onRealPostgres = process.env.TEST_DATABASE_KIND === "postgres";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase("cr_migrate", serverUrl);
  cleanups.push(database.drop);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cr-migrations-"));
  await cp(MIGRATIONS, dir, { recursive: true });
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const migrationRows = (url: string) =>
  query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; logs: string | null; applied_steps_count: number; rolled_back_at: Date | null }>(
    url,
    `SELECT * FROM "_prisma_migrations" ORDER BY started_at`,
  );

describe("migrateDatabase", () => {
  it("applies every migration to a fresh database and records them as Prisma does", async () => {
    const { url } = await scratch();
    const { applied } = await migrateDatabase({ connectionString: url });
    const names = applied;
    expect(names.length).toBeGreaterThan(0);

    const rows = await migrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Organization", "User", "Membership", "Group", "AuditEvent"]));
  });

  it("does nothing on a second run", async () => {
    const { url } = await scratch();
    await migrateDatabase({ connectionString: url });
    const before = await migrationRows(url);
    expect((await migrateDatabase({ connectionString: url })).applied).toEqual([]);
    expect(await migrationRows(url)).toEqual(before);
  });

  it("applies only the new migration when one is added", async () => {
    const { url } = await scratch();
    const dir = await copyOfMigrations();
    await migrateDatabase({ connectionString: url, migrationsDir: dir });
    await mkdir(path.join(dir, "29990101000000_add_widgets"));
    await writeFile(path.join(dir, "29990101000000_add_widgets", "migration.sql"), `CREATE TABLE "Widget" (id int PRIMARY KEY);`);
    expect((await migrateDatabase({ connectionString: url, migrationsDir: dir })).applied).toEqual(["29990101000000_add_widgets"]);
  });

  it("refuses to start when an applied migration's file has changed", async () => {
    const { url } = await scratch();
    const dir = await copyOfMigrations();
    await migrateDatabase({ connectionString: url, migrationsDir: dir });
    const [first] = (await migrationRows(url)).map((r) => r.migration_name);
    const file = path.join(dir, first, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")) + "\n-- edited after release\n");
    const run = migrateDatabase({ connectionString: url, migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(migrateDatabase({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${first} was changed after it was applied`),
    );
  });

  it("records a migration that fails half-way, rolls its changes back, and refuses the next start", async () => {
    const { url } = await scratch();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;`,
    );
    await expect(migrateDatabase({ connectionString: url, migrationsDir: dir })).rejects.toThrow(/29990101000000_broken failed/);

    const broken = (await migrationRows(url)).find((r) => r.migration_name === "29990101000000_broken")!;
    expect(broken.finished_at).toBeNull();
    expect(broken.logs).toMatch(/NoSuchTable/);
    // Its own transaction was rolled back: the first statement left nothing.
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);

    await expect(migrateDatabase({ connectionString: url, migrationsDir: dir })).rejects.toThrow(/failed or was interrupted half-way/);
  });

  it("refuses a database that has a migration this build does not know", async () => {
    const { url } = await scratch();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29990101000000_from_the_future"));
    await writeFile(path.join(dir, "29990101000000_from_the_future", "migration.sql"), `SELECT 1;`);
    await migrateDatabase({ connectionString: url, migrationsDir: dir });
    await expect(migrateDatabase({ connectionString: url })).rejects.toThrow(/which this build does not have/);
  });

  it.runIf(onRealPostgres)("applies each migration once when two instances start together", async () => {
    const { url } = await scratch();
    const results = await Promise.all([migrateDatabase({ connectionString: url }), migrateDatabase({ connectionString: url })]);
    const appliedTwice = results.flatMap((r) => r.applied);
    const rows = await migrationRows(url);
    expect(appliedTwice.sort()).toEqual(rows.map((r) => r.migration_name).sort());
    expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
  });

  it("installs the append-only trigger: audit events cannot be updated or deleted", async () => {
    const { url } = await scratch();
    await migrateDatabase({ connectionString: url });
    await query(
      url,
      `INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', 'acme', 'Acme', now());
       INSERT INTO "AuditEvent" (id, "orgId", "actorKind", action) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'SYSTEM', 'org.create');`,
    );
    await expect(query(url, `UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await query(url, `SELECT action FROM "AuditEvent"`)).toEqual([{ action: "org.create" }]);
  });

  it("chains the audit events recorded before the audit-chain migration, per organization, in the order they were written", async () => {
    const { url } = await scratch();
    const dir = await copyOfMigrations();
    const chainMigration = "20261122050000_audit_chain_and_retention";
    const held = await mkdtemp(path.join(tmpdir(), "cr-held-"));
    cleanups.push(() => rm(held, { recursive: true, force: true }));
    await cp(path.join(dir, chainMigration), path.join(held, chainMigration), { recursive: true });
    await rm(path.join(dir, chainMigration), { recursive: true });
    // (Today's functions and triggers need today's tables: leave them out of the older database.)
    const noRepeatable = await mkdtemp(path.join(tmpdir(), "cr-no-sql-"));
    cleanups.push(() => rm(noRepeatable, { recursive: true, force: true }));
    await migrateDatabase({ connectionString: url, migrationsDir: dir, repeatableDir: noRepeatable });
    const a = "00000000-0000-4000-8000-00000000000a";
    const b = "00000000-0000-4000-8000-00000000000b";
    const bot = "00000000-0000-4000-8000-0000000000b0";
    const token = "00000000-0000-4000-8000-0000000000b1";
    await query(
      url,
      `INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES ('${a}', 'acme', 'Acme', now()), ('${b}', 'bolt', 'Bolt', now());
       INSERT INTO "AuditEvent" (id, "orgId", "actorKind", action, "createdAt") VALUES
         (gen_random_uuid(), '${a}', 'SYSTEM', 'a.second', '2026-01-02'),
         (gen_random_uuid(), '${b}', 'SYSTEM', 'b.first', '2026-01-01'),
         (gen_random_uuid(), '${a}', 'SYSTEM', 'a.first', '2026-01-01'),
         (gen_random_uuid(), '${a}', 'SYSTEM', 'a.third', '2026-01-03');
       INSERT INTO "ServiceAccount" (id, "orgId", name, "updatedAt") VALUES ('${bot}', '${b}', 'bot', now());
       INSERT INTO "ServiceToken" (id, "orgId", "serviceAccountId", name, prefix, "tokenHash", "expiresAt")
         VALUES ('${token}', '${b}', '${bot}', 't', 'alk_svc_abcdefgh', 'hash', now() + interval '1 day');
       INSERT INTO "AuditEvent" (id, "orgId", "actorKind", action, "targetKind", "targetId", after, "createdAt") VALUES
         (gen_random_uuid(), '${b}', 'USER', 'service_account.create', 'service_account', '${bot}', NULL, '2026-01-02'),
         (gen_random_uuid(), '${b}', 'USER', 'service_token.create', 'service_token', '${token}', NULL, '2026-01-03'),
         (gen_random_uuid(), '${b}', 'USER', 'toolset.assign', 'toolset', '${a}', '{"kind": "service_account", "targetId": "${bot}"}', '2026-01-04'),
         (gen_random_uuid(), '${b}', 'USER', 'group.create', 'group', 'not-a-uuid', NULL, '2026-01-05');`,
    );
    await cp(path.join(held, chainMigration), path.join(dir, chainMigration), { recursive: true });
    expect((await migrateDatabase({ connectionString: url, migrationsDir: dir })).applied).toEqual([chainMigration]);

    const rows = await query<{ orgId: string; seq: string; action: string; serviceAccountId: string | null; prevHash: string; hash: string; recomputed: string }>(
      url,
      `SELECT "orgId", seq, action, "serviceAccountId", "prevHash", hash, audit_event_hash(e) AS recomputed FROM "AuditEvent" e ORDER BY "orgId", seq`,
    );
    expect(rows.map((r) => [r.orgId, Number(r.seq), r.action, r.serviceAccountId])).toEqual([
      [a, 1, "a.first", null],
      [a, 2, "a.second", null],
      [a, 3, "a.third", null],
      [b, 1, "b.first", null],
      [b, 2, "service_account.create", bot],
      [b, 3, "service_token.create", bot],
      [b, 4, "toolset.assign", bot],
      [b, 5, "group.create", null],
    ]);
    for (const [i, row] of rows.entries()) {
      expect(row.hash).toBe(row.recomputed);
      expect(row.prevHash).toBe(Number(row.seq) === 1 ? "" : rows[i - 1]!.hash);
    }
    const heads = await query<{ orgId: string; headSeq: string; headHash: string }>(url, `SELECT "orgId", "headSeq", "headHash" FROM "AuditChain" ORDER BY "orgId"`);
    expect(heads.map((h) => [h.orgId, Number(h.headSeq), h.headHash])).toEqual([
      [a, 3, rows[2]!.hash],
      [b, 5, rows[7]!.hash],
    ]);
    // The next event continues the chain.
    await query(url, `INSERT INTO "AuditEvent" (id, "orgId", "actorKind", action) VALUES (gen_random_uuid(), '${a}', 'SYSTEM', 'a.fourth')`);
    const [fourth] = await query<{ seq: string; prevHash: string }>(url, `SELECT seq, "prevHash" FROM "AuditEvent" WHERE action = 'a.fourth'`);
    expect([Number(fourth!.seq), fourth!.prevHash]).toEqual([4, rows[2]!.hash]);
  });
});
