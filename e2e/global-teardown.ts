import pg from "pg";
import { E2E } from "./settings";

const FULL_TOKEN = /alk_svc_[0-9A-Za-z]{38}/;

/**
 * After every flow of the suite has run: no full service token anywhere in
 * the database (only hashes and 16-character prefixes may be stored).
 */
export default async function scanDatabaseForTokens() {
  const client = new pg.Client({ connectionString: E2E.databaseUrl() });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const leaks: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      if (rows.some((r) => FULL_TOKEN.test(r.row))) leaks.push(tablename);
    }
    if (leaks.length) throw new Error(`A full service token is stored in: ${leaks.join(", ")}`);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ServiceToken"`);
    console.log(`token scan: ${tables.length} tables, ${rows[0].n} tokens, no full token stored`);
  } finally {
    await client.end();
  }
}
