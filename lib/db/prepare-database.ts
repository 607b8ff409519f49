import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * Makes DATABASE_URL point at a migrated database: the configured PostgreSQL,
 * or, when none is configured, the embedded one under DATA_DIR (one pooled
 * connection). After this, no code needs to know which one it is.
 */
export async function prepareDatabase({ log }: { log: (line: string) => void }): Promise<{ embedded: EmbeddedDatabase | null }> {
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.DATA_DIR || ".data";
    embedded = await startEmbeddedDatabase({ dataDir });
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_SIZE = "1";
    log(`Using the embedded database in ${path.resolve(dataDir, "pglite")} (set DATABASE_URL to use PostgreSQL)`);
  }
  // The migrator holds a session-level lock, which a transaction-mode pooler in DATABASE_URL cannot keep.
  const connectionString = (embedded ? null : process.env.DIRECT_DATABASE_URL) || process.env.DATABASE_URL!;
  const { applied } = await migrateDatabase({ connectionString, log });
  if (!applied.length) log("Database schema is up to date");
  return { embedded };
}
