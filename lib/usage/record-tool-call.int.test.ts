import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/prisma";
import { pools } from "@/lib/db/pools";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { flushToolCalls, recordToolCall, usageBufferStats, type ToolCallRecord } from "@/lib/usage/record-tool-call";

let orgId: string;
const record = (exposedName: string): ToolCallRecord => ({
  orgId,
  serviceAccountId: null,
  tokenId: null,
  userId: null,
  exposedName,
  serverId: null,
  outcome: "OK",
  durationMs: 1,
  requestId: null,
  argumentBytes: 0,
  resultBytes: 0,
  errorMessage: null,
});

beforeAll(async () => {
  await resetDatabase();
  orgId = (await createTenant()).org.id;
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.USAGE_BUFFER_LIMIT;
});

describe("usage records", () => {
  it("keeps a batch the database refused and writes it on the next flush, in order", async () => {
    const write = vi.spyOn(pools().dataPlane, "query").mockRejectedValueOnce(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
    ["a", "b", "c"].forEach((name) => recordToolCall(record(`kept-${name}`)));
    await flushToolCalls();
    expect(write).toHaveBeenCalledTimes(1);
    expect(usageBufferStats().queued).toBe(3);
    expect(await db().toolCall.count({ where: { orgId, exposedName: { startsWith: "kept-" } } })).toBe(0);
    await flushToolCalls();
    expect(usageBufferStats().queued).toBe(0);
    const rows = await db().toolCall.findMany({ where: { orgId, exposedName: { startsWith: "kept-" } }, orderBy: { exposedName: "asc" } });
    expect(rows.map((r) => r.exposedName)).toEqual(["kept-a", "kept-b", "kept-c"]);
  });

  it("drops the oldest records, counted, when an outage outlasts the buffer", async () => {
    process.env.USAGE_BUFFER_LIMIT = "5";
    vi.spyOn(pools().dataPlane, "query").mockRejectedValue(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    const droppedBefore = usageBufferStats().dropped;
    for (let i = 0; i < 8; i++) recordToolCall(record(`burst-${i}`));
    expect(usageBufferStats().queued).toBe(5);
    expect(usageBufferStats().dropped - droppedBefore).toBe(3);
    vi.restoreAllMocks();
    await flushToolCalls();
    const rows = await db().toolCall.findMany({ where: { orgId, exposedName: { startsWith: "burst-" } }, orderBy: { exposedName: "asc" } });
    expect(rows.map((r) => r.exposedName)).toEqual(["burst-3", "burst-4", "burst-5", "burst-6", "burst-7"]);
  });
});
