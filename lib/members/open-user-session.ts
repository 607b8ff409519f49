import "server-only";
import { db } from "@/lib/db/prisma";

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
