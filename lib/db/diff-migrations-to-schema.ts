import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

// The SQL that takes the database prisma/migrations builds to the one
// prisma/schema.prisma describes: what `prisma migrate diff --from-migrations
// --to-schema` prints, without Prisma's native schema engine (which cannot be
// downloaded everywhere). It runs Prisma's own schema engine compiled to
// WebAssembly (@prisma/schema-engine-wasm, the engine build that matches the
// project's @prisma/prisma-schema-wasm), and gives it PGlite — the embedded
// PostgreSQL the app already ships — as the shadow database the migrations
// are replayed in. No server, no network.
//
// Used by `npm run db:migration NAME` and `npm run db:drift-check`.

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type EngineModule = {
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: object) => Promise<Engine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

const PACKAGE = "@prisma/schema-engine-wasm";
const EMPTY = "-- This is an empty migration.";

let loaded: Promise<EngineModule> | undefined;

/**
 * The engine's WebAssembly, loaded by hand, once per process (its glue module
 * holds one instance): the package imports the .wasm as an ES module, which
 * Node 20 runs only behind --experimental-wasm-modules.
 */
function loadEngine(): Promise<EngineModule> {
  return (loaded ??= instantiateEngine());
}

async function instantiateEngine(): Promise<EngineModule> {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const glueFile = require.resolve(`${PACKAGE}/schema_engine_bg`);
  const glue = (await import(pathToFileURL(glueFile).href)) as EngineModule;
  const bytes = readFileSync(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // A Rust panic reports its message here before it aborts.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => process.stderr.write(`schema engine: ${message}\n`),
  };
  return glue;
}

async function startPglite() {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// PostgreSQL's one-byte "char" type (pg_class.relkind, pg_constraint.contype …)
// is in the engine's catalog queries, and @prisma/adapter-pg has no mapping for
// it. The pool hands such columns over as text and notes where they were; the
// adapter then tells the engine they are characters.
const charColumns = new WeakMap<object, number[]>();
const PG_CHAR = 18;
const PG_TEXT = 25;

class CatalogPool extends pg.Pool {
  override async query(config: unknown, values?: unknown) {
    const result = (await super.query(config as string, values as unknown[])) as pg.QueryResult;
    const chars: number[] = [];
    result.fields?.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR) return;
      field.dataTypeID = PG_TEXT;
      chars.push(i);
    });
    if (chars.length) charColumns.set(result.rows, chars);
    return result;
  }
}

async function connect(url: string) {
  const adapter = await new PrismaPg(new CatalogPool({ connectionString: url, max: 1 }), { disposeExternalPool: true }).connect();
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  // A migration is one script (DO $$ … $$ blocks included): send it whole, not split at every ";".
  adapter.executeScript = async (script) => {
    await (adapter.underlyingDriver() as pg.Pool).query(script);
  };
  return adapter;
}

function readMigrations(dir: string) {
  const migrationDirectories = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    }));
  const lockfile = path.join(dir, "migration_lock.toml");
  return { baseDir: dir, lockfile: { path: "migration_lock.toml", content: readFileSync(lockfile, "utf8") }, migrationDirectories, shadowDbInitScript: "" };
}

export type SchemaDiff = { sql: string; empty: boolean };

/** The SQL from the state of `migrationsDir` to `schemaPath`; `empty` when they already agree. */
export async function diffMigrationsToSchema({
  schemaPath = path.join(process.cwd(), "prisma", "schema.prisma"),
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
}: { schemaPath?: string; migrationsDir?: string } = {}): Promise<SchemaDiff> {
  const { SchemaEngine } = await loadEngine();
  const schema = readFileSync(schemaPath, "utf8");
  const main = await startPglite();
  const shadows: { stop: () => Promise<void> }[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(main.url),
    // Each shadow database is a fresh in-memory PGlite (PGlite has no CREATE DATABASE).
    async connectToShadowDb() {
      const shadow = await startPglite();
      shadows.push(shadow);
      return connect(shadow.url);
    },
  };
  const engine = await SchemaEngine.new({ datamodels: [[path.basename(schemaPath), schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrations(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: path.basename(schemaPath), content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return { sql, empty: result.exitCode === 0 || sql.trim() === EMPTY };
  } finally {
    engine.free();
    await Promise.all([main.stop(), ...shadows.map((shadow) => shadow.stop())]);
  }
}
