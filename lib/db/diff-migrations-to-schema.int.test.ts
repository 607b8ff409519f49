import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/diff-migrations-to-schema";

// `npm run db:migration` and `npm run db:drift-check` rest on this: Prisma's
// schema engine (WebAssembly) replaying prisma/migrations in an embedded
// PGlite and diffing the result against prisma/schema.prisma. Needs no
// PostgreSQL server, so it runs on both database kinds.

const root = process.cwd();
const scratch = mkdtempSync(path.join(tmpdir(), "cr-diff-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the SQL between the migrations and the schema", () => {
  it("is empty for the repository: the migrations build exactly what the schema describes", async () => {
    const { sql, empty } = await diffMigrationsToSchema();
    expect(empty).toBe(true);
    expect(sql.trim()).toBe("-- This is an empty migration.");
  }, 120_000);

  it("for a changed schema is the migration `prisma migrate diff` would write", async () => {
    const schemaPath = path.join(scratch, "schema.prisma");
    const schema = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8")
      .replace("model McpServer {", "model McpServer {\n  note String?")
      .concat(`
model Widget {
  id        String   @id @default(uuid()) @db.Uuid
  orgId     String   @db.Uuid
  name      String
  size      Int      @default(1)
  createdAt DateTime @default(now())

  @@unique([orgId, name])
  @@index([createdAt])
}
`);
    writeFileSync(schemaPath, schema);
    const { sql, empty } = await diffMigrationsToSchema({ schemaPath });
    expect(empty).toBe(false);
    // Byte for byte what Prisma's CLI prints for the same change (compared when this test was written).
    expect(sql).toBe(`-- AlterTable
ALTER TABLE "McpServer" ADD COLUMN     "note" TEXT;

-- CreateTable
CREATE TABLE "Widget" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Widget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Widget_createdAt_idx" ON "Widget"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Widget_orgId_name_key" ON "Widget"("orgId", "name");
`);
  }, 120_000);

  it("finds drift: a migrations folder without its last migration lacks what that migration built", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    cpSync(path.join(root, "prisma", "migrations"), migrationsDir, { recursive: true });
    const last = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().at(-1)!;
    const removed = readFileSync(path.join(migrationsDir, last, "migration.sql"), "utf8");
    rmSync(path.join(migrationsDir, last), { recursive: true });
    const { sql, empty } = await diffMigrationsToSchema({ migrationsDir });
    expect(empty).toBe(false);
    // Every table, index and constraint the last migration created is missing again.
    const built = [...removed.matchAll(/CREATE (?:UNIQUE )?(?:TABLE|INDEX) ("\w+")|ADD CONSTRAINT ("\w+")/g)].map((m) => m[1] ?? m[2]);
    expect(built.length).toBeGreaterThan(0);
    for (const name of built) expect(sql).toContain(name);
  }, 120_000);
});
