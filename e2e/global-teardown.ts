import { readFile } from "node:fs/promises";
import pg from "pg";
import { E2E } from "./settings";

const FULL_TOKEN = /alk_svc_[0-9A-Za-z]{38}/;
/** Even one spec file makes more requests than this. */
const MIN_ACCESS_LINES = 10;

/**
 * After every flow of the suite has run: no full service token anywhere in
 * the database, the audit rows included (only hashes and 16-character
 * prefixes may be stored), nor in anything the app instances logged.
 */
export default async function scanForTokens() {
  const leaks = [...(await scanDatabase()), ...(await scanServerLog())];
  if (leaks.length) throw new Error(`A full service token leaked into: ${leaks.join(", ")}`);
}

async function scanDatabase(): Promise<string[]> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl() });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const leaks: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      if (rows.some((r) => FULL_TOKEN.test(r.row))) leaks.push(`table ${tablename}`);
    }
    const { rows } = await client.query<{ tokens: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM "ServiceToken") AS tokens, (SELECT count(*)::int FROM "AuditEvent") AS events`,
    );
    console.log(`token scan: ${tables.length} tables, ${rows[0]!.tokens} tokens, ${rows[0]!.events} audit events: no full token stored`);
    return leaks;
  } finally {
    await client.end();
  }
}

async function scanServerLog(): Promise<string[]> {
  const log = await readFile(E2E.serverLog, "utf8");
  // A log that never saw the server start would make the scan pass for nothing.
  if (!log.includes("Control Room is ready")) throw new Error(`The server log ${E2E.serverLog} does not hold the server's output`);
  const lines = log.split("\n");
  // The access log writes a line per request; a log with hardly any would let the scan pass for nothing too.
  const requests = lines.filter((line) => line.includes('"log":"access"')).length;
  if (requests < MIN_ACCESS_LINES) {
    throw new Error(`The server log ${E2E.serverLog} holds ${requests} access-log lines (at least ${MIN_ACCESS_LINES} expected): the app's requests are not being logged`);
  }
  const leaking = lines.filter((line) => FULL_TOKEN.test(line)).length;
  console.log(`token scan: ${lines.length} lines of server log (${requests} requests)${leaking ? `, ${leaking} with a full token` : ": no full token"}`);
  return leaking ? [`the server log (${leaking} lines, ${E2E.serverLog})`] : [];
}
