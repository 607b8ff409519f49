import { db } from "@/lib/db/prisma";

/** Idempotency keys live 24 hours; after that the same key is a new request anyway. */
export async function pruneIdempotencyKeys({ now = new Date() }: { now?: Date } = {}): Promise<{ deleted: number }> {
  const { count } = await db().idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return { deleted: count };
}
