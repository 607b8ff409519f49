import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

// Proves that prisma/migrations and prisma/schema.prisma describe the same
// database: Prisma's own reading of the schema (DMMF) against the catalog of a
// database built only from the migrations.

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Dmmf = {
  datamodel: {
    models: Model[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
};

const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
const dmmf: Dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
const tableOf = (model: string) => dmmf.datamodel.models.find((m) => m.name === model)!.dbName ?? model;

let database: ScratchDatabase;
let client: pg.Client;
const rows = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;

beforeAll(async () => {
  database = await createScratchDatabase("cr_drift", process.env.TEST_SERVER_URL || undefined);
  await migrateDatabase({ connectionString: database.url });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

function expectedColumnType(field: Field): string {
  if (field.kind === "enum") return field.type;
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  const base: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Float: "double precision",
    Decimal: "numeric(65,30)",
    Bytes: "bytea",
  };
  return base[field.type] ?? `unmapped ${field.type}`;
}

describe("migrations match schema.prisma", () => {
  it("has exactly the schema's tables", async () => {
    const tables = await rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
  });

  it("has exactly the schema's columns, with their types and nullability", async () => {
    const actual = await rows<{ table: string; column: string; type: string; nullable: boolean }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind !== "object")
        .map((f) => ({
          table: model.dbName ?? model.name,
          column: f.dbName ?? f.name,
          type: f.isList ? `${expectedColumnType(f)}[]` : expectedColumnType(f),
          // Prisma creates scalar lists without NOT NULL.
          nullable: !f.isRequired || f.isList,
        })),
    );
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    const sort = <T extends { table: string; column: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    // format_type quotes mixed-case enum type names.
    expect(sort(actual).map((c) => ({ ...c, type: c.type.replaceAll('"', "") }))).toEqual(sort(expected));
  });

  it("has exactly the schema's enums and values", async () => {
    const actual = await rows<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const expected = dmmf.datamodel.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(actual.sort(byName)).toEqual(expected.sort(byName));
  });

  it("has exactly the schema's primary keys, unique constraints and indexes", async () => {
    const actual = await rows<{ table: string; kind: string; columns: string[] }>(`
      SELECT t.relname AS table,
             CASE WHEN i.indisprimary THEN 'id' WHEN i.indisunique THEN 'unique' ELSE 'normal' END AS kind,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`);
    const expected = dmmf.datamodel.indexes.map((index) => ({
      table: tableOf(index.model),
      kind: index.type,
      columns: index.fields.map((f) => f.name),
    }));
    const line = (i: { table: string; kind: string; columns: string[] }) => `${i.table} ${i.kind} (${i.columns.join(", ")})`;
    expect(actual.map(line).sort()).toEqual(expected.map(line).sort());
  });

  it("has exactly the schema's foreign keys and their ON DELETE rules", async () => {
    const actual = await rows<{ line: string }>(`
      SELECT format('%s (%s) -> %s (%s) %s', c.conrelid::regclass, 
               (SELECT string_agg(attname, ', ' ORDER BY ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n),
               c.confrelid::regclass,
               (SELECT string_agg(attname, ', ' ORDER BY ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n),
               CASE c.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'r' THEN 'Restrict' WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' ELSE 'NoAction' END) AS line
      FROM pg_constraint c WHERE c.contype = 'f'`);
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => {
          const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          return `"${model.dbName ?? model.name}" (${f.relationFromFields!.join(", ")}) -> "${tableOf(f.type)}" (${f.relationToFields!.join(", ")}) ${onDelete}`;
        }),
    );
    expect(actual.map((r) => r.line).sort()).toEqual(expected.sort());
  });
});
