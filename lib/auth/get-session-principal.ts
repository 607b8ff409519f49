import { getServerSession } from "next-auth";
import { db } from "@/lib/db/prisma";
import { authOptions } from "@/lib/auth/auth-options";
import type { UserPrincipal } from "@/lib/principal";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in person, re-read from the database on every request with the
 * server-side session the cookie names (lib/members/open-user-session.ts): a session
 * signed out, signed out everywhere or ended by removal, an expired one, or a
 * user disabled or deleted since, gets null at once.
 */
export async function getSessionPrincipal(): Promise<UserPrincipal | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  const sessionId = (session as { sid?: string } | null)?.sid;
  return userId && sessionId ? principalOfSession({ userId, sessionId }) : null;
}

/** The person of an open server-side session, or null (the check behind every cookie). */
export async function principalOfSession({ userId, sessionId }: { userId: string; sessionId: string }): Promise<UserPrincipal | null> {
  if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
  const open = await db().userSession.findFirst({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return open ? { kind: "user", userId: open.user.id, email: open.user.email, name: open.user.name } : null;
}
