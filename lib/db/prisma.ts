import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closePools, pools } from "@/lib/db/pools";
import { serializeTransactionQueries } from "@/lib/db/serialize-transaction-queries";

// One client per process, kept on globalThis so that Next's module instances
// (and dev-mode reloads) share it. It runs on the admin pool (lib/db/pools.ts);
// the embedded database serves one session, so start-up sets
// DATABASE_POOL_SIZE=1 for it; nothing else needs to know.
function createPrismaClient() {
  // The pool is lib/db/pools.ts's (observed by /metrics, closed by closePools).
  const adapter = serializeTransactionQueries(new PrismaPg(pools().admin));
  // Secret columns are left out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true }, serviceToken: { tokenHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** What a query needs: the client itself or an interactive transaction's handle. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { controlRoomPrisma?: Db };

export function db(): Db {
  globalForPrisma.controlRoomPrisma ??= createPrismaClient();
  return globalForPrisma.controlRoomPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.controlRoomPrisma?.$disconnect();
  globalForPrisma.controlRoomPrisma = undefined;
  await closePools();
}
