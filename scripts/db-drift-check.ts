// npm run db:drift-check — exits 0 when prisma/migrations builds exactly the
// database prisma/schema.prisma describes, 1 with the missing SQL when not
// (lib/db/diff-migrations-to-schema.ts). The test suite checks the same
// (lib/db/diff-migrations-to-schema.int.test.ts, lib/db/schema-drift.int.test.ts).
import { diffMigrationsToSchema } from "../lib/db/diff-migrations-to-schema";

async function main() {
  const { sql, empty } = await diffMigrationsToSchema();
  if (empty) {
    console.log("no drift: prisma/migrations builds exactly what prisma/schema.prisma describes");
    return;
  }
  console.error(sql);
  console.error("drift: prisma/schema.prisma describes more than prisma/migrations builds; the SQL above is the difference. Write it as a migration: npm run db:migration NAME");
  process.exit(1);
}

main().catch((error) => {
  console.error(`db:drift-check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
