import "server-only";
import { db, type DbTx } from "@/lib/db/prisma";

/** Ends every open session of a person ("sign out everywhere", removal); inside the caller's transaction when given. */
export async function endAllUserSessions({ userId, tx }: { userId: string; tx?: DbTx }): Promise<number> {
  const { count } = await (tx ?? db()).userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
  return count;
}
