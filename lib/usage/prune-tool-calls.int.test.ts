import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { runMaintenance } from "@/lib/jobs/run-maintenance";
import { pruneToolCalls } from "@/lib/usage/prune-tool-calls";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(() => resetDatabase());

const DAY_MS = 86_400_000;

async function callsAged(orgId: string, ages: number[]) {
  await db().toolCall.createMany({
    data: ages.map((days, i) => ({
      orgId,
      exposedName: `demo__tool_${i}`,
      outcome: "OK" as const,
      durationMs: 5,
      createdAt: new Date(Date.now() - days * DAY_MS),
    })),
  });
}

const ages = async (orgId: string) =>
  (await db().toolCall.findMany({ where: { orgId }, select: { createdAt: true }, orderBy: { createdAt: "desc" } })).map((c) =>
    Math.round((Date.now() - c.createdAt.getTime()) / DAY_MS),
  );

it("deletes usage records past each organization's own retention, in batches, and nothing newer", async () => {
  const short = await createTenant();
  const long = await createTenant();
  await db().organization.update({ where: { id: short.org.id }, data: { usageRetentionDays: 7 } });
  await callsAged(short.org.id, [0, 1, 6, 8, 20, 40, 41]);
  await callsAged(long.org.id, [0, 8, 29, 31, 45]);

  expect(await pruneToolCalls({ batchSize: 2 })).toEqual({ deleted: 6 });
  expect(await ages(short.org.id)).toEqual([0, 1, 6]);
  expect(await ages(long.org.id)).toEqual([0, 8, 29]);
  expect(await pruneToolCalls()).toEqual({ deleted: 0 });
});

it("is part of the hourly housekeeping, with the audit retention", async () => {
  const { org } = await createTenant();
  await callsAged(org.id, [1, 31]);
  await db().$executeRawUnsafe(
    `INSERT INTO "AuditEvent" (id, "orgId", "actorKind", action, "createdAt") VALUES (gen_random_uuid(), '${org.id}', 'SYSTEM', 'test.old', now() - interval '400 days')`,
  );
  const report = await runMaintenance();
  expect(report).toMatchObject({ toolCallsDeleted: 1, auditEventsDeleted: 1 });
  expect(await ages(org.id)).toEqual([1]);
  expect(await db().auditEvent.findMany({ where: { orgId: org.id }, select: { action: true } })).toEqual([{ action: "audit_log.prune" }]);
});
