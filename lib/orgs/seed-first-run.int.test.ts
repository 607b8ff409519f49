import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { seedFirstRun } from "@/lib/orgs/seed-first-run";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

describe("seedFirstRun", () => {
  it("creates the first organization and an owner with a generated password that signs in", async () => {
    const result = await seedFirstRun({ orgSlug: "demo" });
    expect(result).toMatchObject({ created: true, orgSlug: "demo", email: "admin@localhost" });
    const password = result.created ? result.generatedPassword : null;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const membership = await db().membership.findFirstOrThrow({ include: { org: true, user: true } });
    expect(membership).toMatchObject({ role: "OWNER", org: { slug: "demo", name: "Demo" }, user: { email: "admin@localhost" } });
    expect((await authenticateWithPassword({ email: "admin@localhost", password: password!, ip: null })).outcome).toBe("ok");
    expect((await db().auditEvent.findMany({ orderBy: { action: "asc" } })).map((e) => [e.action, e.actorKind])).toEqual([
      ["member.add", "SYSTEM"],
      ["org.create", "SYSTEM"],
    ]);
  });

  it("uses ADMIN_EMAIL and ADMIN_PASSWORD when given", async () => {
    const result = await seedFirstRun({ orgSlug: "acme", adminEmail: "Root@Acme.test", adminPassword: "a long enough password" });
    expect(result).toMatchObject({ created: true, email: "root@acme.test", generatedPassword: null });
    expect((await authenticateWithPassword({ email: "root@acme.test", password: "a long enough password", ip: null })).outcome).toBe("ok");
  });

  it("does nothing once anyone exists, even when several instances start together", async () => {
    const results = await Promise.all([seedFirstRun({ orgSlug: "demo" }), seedFirstRun({ orgSlug: "demo" }), seedFirstRun({ orgSlug: "demo" })]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await seedFirstRun({ orgSlug: "other" })).toEqual({ created: false });
    expect(await db().organization.count()).toBe(1);
    expect(await db().user.count()).toBe(1);
  });

  it("refuses a reserved or malformed organization slug", async () => {
    await expect(seedFirstRun({ orgSlug: "login" })).rejects.toThrow(/reserved/);
    await expect(seedFirstRun({ orgSlug: "Bad Slug" })).rejects.toThrow();
    expect(await db().organization.count()).toBe(0);
  });
});
