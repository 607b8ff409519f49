import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/members/password";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { updateMemberRole } from "@/lib/members/update-member-role";
import { addUserToOrg, auditContextFor, createTenant, createUser } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe("members", () => {
  it("adds a new person with a one-time password that is stored only as an argon2id hash", async () => {
    const { org, audit } = await createTenant();
    const { member, oneTimePassword } = await addMember({
      orgId: org.id,
      actorRole: "OWNER",
      input: { email: "new.person@example.test", name: "New Person", role: "ADMIN" },
      audit,
    });
    expect(member).toMatchObject({ email: "new.person@example.test", name: "New Person", role: "ADMIN", disabled: false });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const stored = await db().user.findUniqueOrThrow({ where: { id: member.userId }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(oneTimePassword);
    expect(await verifyPassword(stored.passwordHash!, oneTimePassword!)).toBe(true);

    const events = await db().auditEvent.findMany({ where: { orgId: org.id }, omit: { seq: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "member.add", actorKind: "USER", actorId: audit.actor.id, targetId: member.userId, ip: "203.0.113.7" });
    expect(JSON.stringify(events[0])).not.toContain(oneTimePassword);
  });

  it("adds an existing user by email in any letter case, without a new password", async () => {
    const { org, audit } = await createTenant();
    const existing = await createUser({ email: "ada@example.test", name: "Ada" });
    const { member, oneTimePassword } = await addMember({ orgId: org.id, actorRole: "ADMIN", input: { email: "ada@example.test", role: "MEMBER" }, audit });
    expect(member.userId).toBe(existing.id);
    expect(oneTimePassword).toBeNull();
    await expect(
      addMember({ orgId: org.id, actorRole: "ADMIN", input: { email: "ada@example.test", role: "MEMBER" }, audit }),
    ).rejects.toThrow(/already a member/);
  });

  it("needs a name for a person who has no account yet", async () => {
    const { org, audit } = await createTenant();
    expect(await codeOf(addMember({ orgId: org.id, actorRole: "OWNER", input: { email: "x@example.test", role: "MEMBER" }, audit }))).toBe(
      "validation_failed",
    );
    expect(await db().user.count({ where: { email: "x@example.test" } })).toBe(0);
  });

  it("lists members with search and cursor pages", async () => {
    const { org } = await createTenant();
    for (const name of ["Alice", "Bob", "Carol"]) await addUserToOrg(org.id, "MEMBER", await createUser({ name }));
    const first = await listMembers({ orgId: org.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listMembers({ orgId: org.id, limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((m) => m.name)).toEqual(["Owner", "Alice", "Bob", "Carol"]);
    expect((await listMembers({ orgId: org.id, limit: 10, search: "CAR" })).items.map((m) => m.name)).toEqual(["Carol"]);
  });

  it("never removes or demotes the last owner", async () => {
    const { org, owner, audit } = await createTenant();
    expect(await codeOf(updateMemberRole({ orgId: org.id, userId: owner.id, role: "ADMIN", actorRole: "OWNER", audit }))).toBe("conflict");
    expect(await codeOf(removeMember({ orgId: org.id, userId: owner.id, actorRole: "OWNER", audit }))).toBe("conflict");
    expect((await db().membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } })).role).toBe("OWNER");
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const { org, owner, audit } = await createTenant();
    const second = await addUserToOrg(org.id, "OWNER");
    const results = await Promise.allSettled([
      updateMemberRole({ orgId: org.id, userId: owner.id, role: "ADMIN", actorRole: "OWNER", audit }),
      updateMemberRole({ orgId: org.id, userId: second.id, role: "ADMIN", actorRole: "OWNER", audit: auditContextFor(second) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { orgId: org.id, role: "OWNER" } })).toBe(1);
  });

  it("lets only owners change or remove owners", async () => {
    const { org, owner } = await createTenant();
    const admin = await addUserToOrg(org.id, "ADMIN");
    const audit = auditContextFor(admin);
    expect(await codeOf(updateMemberRole({ orgId: org.id, userId: owner.id, role: "MEMBER", actorRole: "ADMIN", audit }))).toBe("forbidden");
    expect(await codeOf(removeMember({ orgId: org.id, userId: owner.id, actorRole: "ADMIN", audit }))).toBe("forbidden");
    expect(await codeOf(updateMemberRole({ orgId: org.id, userId: admin.id, role: "OWNER", actorRole: "ADMIN", audit }))).toBe("forbidden");
    expect(
      await codeOf(addMember({ orgId: org.id, actorRole: "ADMIN", input: { email: "o@example.test", name: "O", role: "OWNER" }, audit })),
    ).toBe("forbidden");
  });

  it("changes a role and records before and after", async () => {
    const { org, audit } = await createTenant();
    const person = await addUserToOrg(org.id, "MEMBER");
    const updated = await updateMemberRole({ orgId: org.id, userId: person.id, role: "ADMIN", actorRole: "OWNER", audit });
    expect(updated.role).toBe("ADMIN");
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "member.update" } });
    expect(event).toMatchObject({ before: { role: "MEMBER" }, after: { role: "ADMIN" }, requestId: audit.requestId });
  });

  it("removes a member from the organization and its groups, keeping the account", async () => {
    const { org, audit } = await createTenant();
    const person = await addUserToOrg(org.id, "MEMBER");
    const group = await db().group.create({ data: { orgId: org.id, name: "Ops" } });
    await db().groupMember.create({ data: { orgId: org.id, groupId: group.id, userId: person.id } });
    await removeMember({ orgId: org.id, userId: person.id, actorRole: "OWNER", audit });
    expect(await db().membership.count({ where: { orgId: org.id, userId: person.id } })).toBe(0);
    expect(await db().groupMember.count({ where: { groupId: group.id } })).toBe(0);
    expect(await db().user.count({ where: { id: person.id } })).toBe(1);
  });

  it("treats organization A's members as not found from organization B", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const person = await addUserToOrg(a.org.id, "MEMBER");
    expect(await codeOf(updateMemberRole({ orgId: b.org.id, userId: person.id, role: "ADMIN", actorRole: "OWNER", audit: b.audit }))).toBe(
      "not_found",
    );
    expect(await codeOf(removeMember({ orgId: b.org.id, userId: person.id, actorRole: "OWNER", audit: b.audit }))).toBe("not_found");
    expect((await listMembers({ orgId: b.org.id, limit: 50 })).items.map((m) => m.userId)).not.toContain(person.id);
    expect((await db().membership.findFirstOrThrow({ where: { orgId: a.org.id, userId: person.id } })).role).toBe("MEMBER");
    expect(await db().auditEvent.count({ where: { orgId: a.org.id } })).toBe(0);
  });
});
