import "server-only";
import { db, type DbTx } from "@/lib/db/prisma";

// The server side of a sign-in. The session cookie is a signed JWT that
// carries the id of one UserSession row; getSessionPrincipal accepts the
// cookie only while that row is open, so ending the row ends the session
// everywhere at the next request, whatever the browser still holds.

/** Opens a session for a person who just signed in; its id goes into the JWT. */
export async function openUserSession({ userId, maxAgeSeconds }: { userId: string; maxAgeSeconds: number }): Promise<string> {
  const row = await db().userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session (sign-out). */
export async function endUserSession({ sessionId }: { sessionId: string }): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every open session of a person ("sign out everywhere", removal); inside the caller's transaction when given. */
export async function endAllUserSessions({ userId, tx }: { userId: string; tx?: DbTx }): Promise<number> {
  const { count } = await (tx ?? db()).userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
  return count;
}

/** Housekeeping: sessions that ended or expired a day ago are of no further use. */
export async function pruneUserSessions(): Promise<number> {
  const before = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const { count } = await db().userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] } });
  return count;
}
