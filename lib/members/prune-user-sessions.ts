import { db } from "@/lib/db/prisma";

/** Housekeeping: sessions that ended or expired a day ago are of no further use. */
export async function pruneUserSessions(): Promise<number> {
  const before = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const { count } = await db().userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] } });
  return count;
}
