import { db } from "@/lib/db/prisma";

const BATCH_SIZE = 10_000;

/** Deletes usage records older than their organization's usageRetentionDays, in batches. */
export async function pruneToolCalls({ batchSize = BATCH_SIZE }: { batchSize?: number } = {}): Promise<{ deleted: number }> {
  let deleted = 0;
  for (;;) {
    const removed = await db().$executeRaw`
      DELETE FROM "ToolCall" WHERE id IN (
        SELECT t.id FROM "ToolCall" t JOIN "Organization" o ON o.id = t."orgId"
        WHERE t."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => o."usageRetentionDays")
        LIMIT ${batchSize}
      )`;
    deleted += removed;
    if (removed < batchSize) return { deleted };
  }
}
