// npm run db:migration NAME — writes prisma/migrations/<UTC timestamp>_NAME/migration.sql:
// the SQL from the database the existing migrations build to the one
// prisma/schema.prisma describes (lib/db/diff-migrations-to-schema.ts).
// Read the SQL before committing it: a rename comes out as a drop and an add.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "../lib/db/diff-migrations-to-schema";

const NAME = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

async function main() {
  const name = process.argv[2];
  if (!name || !NAME.test(name) || process.argv.length > 3) {
    console.error("Usage: npm run db:migration NAME   (NAME in lowercase snake_case, e.g. add_widgets)");
    process.exit(2);
  }
  const { sql, empty } = await diffMigrationsToSchema();
  if (empty) {
    console.log("prisma/schema.prisma and prisma/migrations already describe the same database: no migration written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  if (existsSync(dir)) throw new Error(`${dir} exists already`);
  mkdirSync(dir, { recursive: true });
  // As `prisma migrate diff --script` prints it, so files look alike whichever tool wrote them.
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`${sql}\nWrote ${path.join(dir, "migration.sql")}. Read it before committing: a rename comes out as a drop and an add.`);
}

main().catch((error) => {
  console.error(`db:migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
