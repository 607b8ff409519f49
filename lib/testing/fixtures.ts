import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/members/password";
import { actorOf, type AuditContext, type Principal } from "@/lib/principal";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

const suffix = () => randomBytes(4).toString("hex");

export async function createUser({ email, name = "Test Person" }: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: { email: email ?? `person-${suffix()}@example.test`, name, passwordHash: await passwordHash },
    select: { id: true, email: true, name: true },
  });
}

/** A fresh organization with one OWNER, and the audit context of that owner. */
export async function createTenant({ slug = `org-${suffix()}` }: { slug?: string } = {}) {
  const org = await db().organization.create({ data: { slug, name: `Org ${slug}` }, select: { id: true, slug: true, name: true } });
  const owner = await createUser({ name: "Owner" });
  await db().membership.create({ data: { orgId: org.id, userId: owner.id, role: "OWNER" } });
  return { org, owner, audit: auditContextFor(owner) };
}

export async function addUserToOrg(orgId: string, role: Role, user?: { id: string; email: string; name: string }) {
  const person = user ?? (await createUser());
  await db().membership.create({ data: { orgId, userId: person.id, role } });
  return person;
}

export function auditContextFor(user: { id: string; email: string; name: string }): AuditContext {
  const principal: Principal = { kind: "user", userId: user.id, email: user.email, name: user.name };
  return { actor: actorOf(principal), ip: "203.0.113.7", userAgent: "vitest", requestId: `req-${suffix()}` };
}
