import "server-only";
import { db } from "@/lib/db/prisma";

/** Ends one session (sign-out). */
export async function endUserSession({ sessionId }: { sessionId: string }): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}
