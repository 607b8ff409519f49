import { getServerSession } from "next-auth";
import { db } from "@/lib/db/prisma";
import { authOptions } from "@/lib/auth/auth-options";
import type { UserPrincipal } from "@/lib/principal";

/**
 * The signed-in person, re-read from the database on every request: a user
 * disabled or deleted since the session was issued gets null at once.
 */
export async function getSessionPrincipal(): Promise<UserPrincipal | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await db().user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, email: true, name: true } });
  return user ? { kind: "user", userId: user.id, email: user.email, name: user.name } : null;
}
