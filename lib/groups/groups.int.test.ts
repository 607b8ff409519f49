import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { addGroupMember } from "@/lib/groups/add-group-member";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { getGroup } from "@/lib/groups/get-group";
import { listGroups } from "@/lib/groups/list-groups";
import { removeGroupMember } from "@/lib/groups/remove-group-member";
import { updateGroup } from "@/lib/groups/update-group";
import { addUserToOrg, createTenant, createUser } from "@/lib/testing/fixtures";
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
const actions = async (orgId: string) =>
  (await db().auditEvent.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);

describe("groups", () => {
  it("creates, renames, describes and deletes a group, auditing each change", async () => {
    const { org, audit } = await createTenant();
    const group = await createGroup({ orgId: org.id, input: { name: "Platform", description: "" }, audit });
    expect(group).toMatchObject({ name: "Platform", description: "", memberCount: 0 });
    const renamed = await updateGroup({ orgId: org.id, groupId: group.id, input: { name: "Platform Eng", description: "Runs CI" }, audit });
    expect(renamed).toMatchObject({ name: "Platform Eng", description: "Runs CI" });
    await deleteGroup({ orgId: org.id, groupId: group.id, audit });
    expect(await db().group.count({ where: { orgId: org.id } })).toBe(0);
    expect(await actions(org.id)).toEqual(["group.create", "group.update", "group.delete"]);
    const update = await db().auditEvent.findFirstOrThrow({ where: { action: "group.update" } });
    expect(update).toMatchObject({ before: { name: "Platform", description: "" }, after: { name: "Platform Eng", description: "Runs CI" } });
  });

  it("refuses a second group with the same name in one organization, but not in another", async () => {
    const a = await createTenant();
    const b = await createTenant();
    await createGroup({ orgId: a.org.id, input: { name: "Ops", description: "" }, audit: a.audit });
    await expect(createGroup({ orgId: a.org.id, input: { name: "Ops", description: "" }, audit: a.audit })).rejects.toMatchObject({
      code: "P2002",
    });
    await expect(createGroup({ orgId: b.org.id, input: { name: "Ops", description: "" }, audit: b.audit })).resolves.toMatchObject({ name: "Ops" });
    expect(await actions(a.org.id)).toEqual(["group.create"]);
  });

  it("adds and removes members of the organization, and only those", async () => {
    const { org, audit } = await createTenant();
    const group = await createGroup({ orgId: org.id, input: { name: "Ops", description: "" }, audit });
    const person = await addUserToOrg(org.id, "MEMBER");
    const stranger = await createUser();
    await addGroupMember({ orgId: org.id, groupId: group.id, userId: person.id, audit });
    expect(await codeOf(addGroupMember({ orgId: org.id, groupId: group.id, userId: person.id, audit }))).toBe("conflict");
    expect(await codeOf(addGroupMember({ orgId: org.id, groupId: group.id, userId: stranger.id, audit }))).toBe("not_found");
    const detail = await getGroup({ orgId: org.id, groupId: group.id });
    expect(detail.memberCount).toBe(1);
    expect(detail.members.map((m) => m.userId)).toEqual([person.id]);
    await removeGroupMember({ orgId: org.id, groupId: group.id, userId: person.id, audit });
    expect((await getGroup({ orgId: org.id, groupId: group.id })).members).toEqual([]);
    expect(await codeOf(removeGroupMember({ orgId: org.id, groupId: group.id, userId: person.id, audit }))).toBe("not_found");
  });

  it("treats organization A's groups as not found from organization B", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const group = await createGroup({ orgId: a.org.id, input: { name: "Secret", description: "" }, audit: a.audit });
    const personB = await addUserToOrg(b.org.id, "MEMBER");
    const personA = await addUserToOrg(a.org.id, "MEMBER");
    await addGroupMember({ orgId: a.org.id, groupId: group.id, userId: personA.id, audit: a.audit });

    expect(await codeOf(getGroup({ orgId: b.org.id, groupId: group.id }))).toBe("not_found");
    expect(await codeOf(updateGroup({ orgId: b.org.id, groupId: group.id, input: { name: "Pwned" }, audit: b.audit }))).toBe("not_found");
    expect(await codeOf(deleteGroup({ orgId: b.org.id, groupId: group.id, audit: b.audit }))).toBe("not_found");
    expect(await codeOf(addGroupMember({ orgId: b.org.id, groupId: group.id, userId: personB.id, audit: b.audit }))).toBe("not_found");
    expect(await codeOf(removeGroupMember({ orgId: b.org.id, groupId: group.id, userId: personA.id, audit: b.audit }))).toBe("not_found");
    expect((await listGroups({ orgId: b.org.id, limit: 50 })).items).toEqual([]);

    expect(await getGroup({ orgId: a.org.id, groupId: group.id })).toMatchObject({ name: "Secret", memberCount: 1 });
    expect(await db().auditEvent.count({ where: { orgId: b.org.id } })).toBe(0);
  });

  it("commits a change and its audit event together or not at all", async () => {
    const { org, audit } = await createTenant();
    // An actor kind the database refuses makes the audit insert fail...
    const broken = { ...audit, actor: { ...audit.actor, kind: "NOT_A_KIND" as never } };
    await expect(createGroup({ orgId: org.id, input: { name: "Ghost", description: "" }, audit: broken })).rejects.toThrow();
    // ...and the group it describes is rolled back with it.
    expect(await db().group.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { orgId: org.id } })).toBe(0);

    const group = await createGroup({ orgId: org.id, input: { name: "Real", description: "" }, audit });
    await expect(deleteGroup({ orgId: org.id, groupId: group.id, audit: broken })).rejects.toThrow();
    expect(await db().group.count({ where: { id: group.id } })).toBe(1);
  });
});
