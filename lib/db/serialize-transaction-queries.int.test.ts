import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { assignToolset } from "@/lib/toolsets/assign-toolset";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { unassignToolset } from "@/lib/toolsets/unassign-toolset";

// The overlap the newcomer saw as pg's DeprecationWarning ("Calling
// client.query() when the client is already executing a query"): Prisma's
// plan for an assignment's three relations sent three statements at once on
// the transaction's one connection. Counted here at node-postgres itself.

type Tracked = { inFlight: number; most: number };
const perClient = new WeakMap<pg.Client, Tracked>();
const original = pg.Client.prototype.query;
let most = 0;

beforeEach(async () => {
  await resetDatabase();
  most = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const tracked = perClient.get(this) ?? { inFlight: 0, most: 0 };
    perClient.set(this, tracked);
    tracked.inFlight += 1;
    most = Math.max(most, tracked.inFlight);
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) return result.finally(() => (tracked.inFlight -= 1));
    tracked.inFlight -= 1;
    return result;
  } as typeof original;
});

afterEach(() => {
  pg.Client.prototype.query = original;
});

describe("statements inside one transaction", () => {
  it("assigning and unassigning a toolset sends one statement at a time on the transaction's connection", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const { org, owner, audit } = await createTenant();
      const toolset = await createToolset({ orgId: org.id, input: { name: "Set", description: "" }, audit });
      const assignment = await assignToolset({ orgId: org.id, toolsetId: toolset.id, input: { userId: owner.id }, audit });
      expect(assignment).toMatchObject({ kind: "user", target: { id: owner.id, email: owner.email } });
      await unassignToolset({ orgId: org.id, toolsetId: toolset.id, assignmentId: assignment.id, audit });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(most).toBe(1);
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("keeps Prisma's order and results when a transaction asks for several things at once", async () => {
    const { org } = await createTenant();
    const [a, b, c, d] = await db().$transaction(async (tx) =>
      Promise.all([
        tx.organization.findUniqueOrThrow({ where: { id: org.id }, select: { slug: true } }),
        tx.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`,
        tx.membership.count({ where: { orgId: org.id } }),
        tx.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`,
      ]),
    );
    expect([a.slug, b[0]!.n, c, d[0]!.n]).toEqual([org.slug, 1, 1, 2]);
    expect(most).toBe(1);
  });

  it("a failing statement fails its transaction and does not block the next one", async () => {
    await expect(db().$transaction(async (tx) => Promise.all([tx.$queryRaw`SELECT 1`, tx.$queryRaw`SELECT * FROM no_such_table`]))).rejects.toThrow();
    const [row] = await db().$transaction(async (tx) => tx.$queryRaw<{ ok: boolean }[]>`SELECT true AS ok`);
    expect(row!.ok).toBe(true);
  });
});
