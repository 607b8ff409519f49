import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";

const MIN_INTERVAL_MS = 60_000;
// Per instance: skip even the UPDATE when this process wrote it within the minute.
const lastWritten = new Map<string, number>();

/**
 * Records when and from where a token was last used, at most once a minute
 * per token, without making the request wait: the write runs in the
 * background and a failure is only logged. The SQL condition keeps several
 * instances from writing more than about once a minute between them.
 */
export function recordTokenUse({ tokenId, serviceAccountId, ip }: { tokenId: string; serviceAccountId: string | null; ip: string | null }): void {
  const now = Date.now();
  if (now - (lastWritten.get(tokenId) ?? 0) < MIN_INTERVAL_MS) return;
  lastWritten.set(tokenId, now);
  if (lastWritten.size > 50_000) lastWritten.clear();
  void write(tokenId, serviceAccountId, ip).catch((error) => logger.warn("could not record token use", { tokenId, error }));
}

async function write(tokenId: string, serviceAccountId: string | null, ip: string | null) {
  const updated = await db().$executeRaw`
    UPDATE "ServiceToken" SET "lastUsedAt" = now() AT TIME ZONE 'UTC', "lastUsedIp" = ${ip}
    WHERE id = ${tokenId}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute')`;
  if (updated && serviceAccountId) {
    await db().$executeRaw`UPDATE "ServiceAccount" SET "lastUsedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${serviceAccountId}::uuid`;
  }
}
