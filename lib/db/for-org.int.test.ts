import { beforeAll, describe, expect, it } from "vitest";
import { forOrg } from "@/lib/db/for-org";
import { db } from "@/lib/db/prisma";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

let orgA: string;
let orgB: string;
let toolsetOfB: string;

beforeAll(async () => {
  await resetDatabase();
  orgA = (await createTenant()).org.id;
  orgB = (await createTenant()).org.id;
  toolsetOfB = (await db().toolset.create({ data: { orgId: orgB, name: "Theirs" } })).id;
});

describe("forOrg", () => {
  it("does not find, count, change or delete another organization's row, even by its id", async () => {
    const scoped = forOrg(orgA);
    expect(await scoped.toolset.findFirst({ where: { id: toolsetOfB } })).toBeNull();
    expect(await scoped.toolset.findUnique({ where: { id: toolsetOfB } })).toBeNull();
    expect(await scoped.toolset.count()).toBe(0);
    expect((await scoped.toolset.updateMany({ where: { id: toolsetOfB }, data: { name: "Mine" } })).count).toBe(0);
    await expect(scoped.toolset.update({ where: { id: toolsetOfB }, data: { name: "Mine" } })).rejects.toMatchObject({ code: "P2025" });
    await expect(scoped.toolset.delete({ where: { id: toolsetOfB } })).rejects.toMatchObject({ code: "P2025" });
    expect(await db().toolset.findUniqueOrThrow({ where: { id: toolsetOfB } })).toMatchObject({ name: "Theirs" });
  });

  it("creates rows in its own organization and refuses another's", async () => {
    const scoped = forOrg(orgA);
    const mine = await scoped.toolset.create({ data: { orgId: orgA, name: "Mine" } });
    expect(mine.orgId).toBe(orgA);
    await expect(scoped.toolset.create({ data: { orgId: orgB, name: "Planted" } })).rejects.toThrow(/another organization/);
    expect(await db().toolset.count({ where: { orgId: orgB } })).toBe(1);
  });

  it("scopes the queries of an interactive transaction too", async () => {
    const found = await forOrg(orgA).$transaction((tx) => tx.toolset.findMany({ select: { orgId: true } }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((t) => t.orgId === orgA)).toBe(true);
  });
});
