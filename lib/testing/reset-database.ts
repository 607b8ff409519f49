import { db } from "@/lib/db/prisma";

/**
 * Empties every application table. The audit log refuses TRUNCATE through a
 * trigger, so this test helper turns triggers off for its own transaction
 * (replica mode; the test database role is a superuser).
 */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (!tables.length) return;
  await db().$transaction([
    db().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    db().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`),
  ]);
}
