import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/prisma";
import { isDraining } from "@/lib/ops/draining";

export type Readiness = {
  status: "ready" | "draining" | "unavailable";
  /** What was checked; a draining instance does not ask the database. */
  checks: { draining: boolean; database?: "ok" | "unreachable"; migrations?: "ok" | "pending" | "unknown" };
};

const TIMEOUT_MS = 2000;
// A balancer probes every few seconds, often from several nodes: one database round trip a second is enough.
const CACHE_MS = 1000;

const globalForReadiness = globalThis as unknown as { controlRoomReadiness?: { at: number; result: Promise<Readiness["checks"]> } };

function migrationsOfThisBuild(): string[] {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

async function checkDatabase(): Promise<Readiness["checks"]> {
  const expected = migrationsOfThisBuild();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  try {
    const rows = await Promise.race([
      db().$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const applied = new Set(rows.map((row) => row.name));
    return { database: "ok", migrations: expected.every((name) => applied.has(name)) ? "ok" : "pending", draining: false };
  } catch {
    return { database: "unreachable", migrations: "unknown", draining: false };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /readyz: may this instance take new requests? Not while draining (checked
 * first and without the database, so a shutdown flips it at once), and only
 * when the database answers within 2 s with every migration of this build
 * applied.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return { status: "draining", checks: { draining: true } };
  const cached = globalForReadiness.controlRoomReadiness;
  const fresh = cached && Date.now() - cached.at < CACHE_MS ? cached : (globalForReadiness.controlRoomReadiness = { at: Date.now(), result: checkDatabase() });
  const checks = await fresh.result;
  if (isDraining()) return { status: "draining", checks: { ...checks, draining: true } };
  return { status: checks.database === "ok" && checks.migrations === "ok" ? "ready" : "unavailable", checks };
}
