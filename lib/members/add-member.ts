import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { generatePassword, hashPassword } from "@/lib/members/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { memberSelect, toMemberView } from "@/lib/members/member-view";
import type { AddMemberInput } from "@/lib/members/contract";
import type { AddMemberResult } from "@/lib/members/contract";
export type { AddMemberResult } from "@/lib/members/contract";

/**
 * Adds a person to the organization: an existing user by email, or a new user
 * with a one-time password the admin passes on.
 */
export async function addMember({
  orgId,
  actorRole,
  input,
  audit,
}: OrgChange<{ actorRole: Role; input: AddMemberInput }>): Promise<AddMemberResult> {
  if (input.role === "OWNER" && actorRole !== "OWNER") {
    throw new AppError("forbidden", "Only an owner can add another owner");
  }
  const existing = await forOrg(orgId).user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!existing && !input.name) {
    throw new AppError("validation_failed", "name: A name is required for a person who has no account yet", {
      fields: [{ field: "name", message: "A name is required for a person who has no account yet" }],
    });
  }
  const oneTimePassword = existing ? null : generatePassword();
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;

  const member = await forOrg(orgId).$transaction(async (tx) => {
    const userId =
      existing?.id ?? (await tx.user.create({ data: { email: input.email, name: input.name!, passwordHash }, select: { id: true } })).id;
    const taken = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { id: true } });
    if (taken) throw new AppError("conflict", `${input.email} is already a member of this organization`);
    const row = await tx.membership.create({ data: { orgId, userId, role: input.role }, select: memberSelect });
    const view = toMemberView(row);
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "member.add",
      target: { kind: "user", id: userId },
      after: { email: view.email, name: view.name, role: view.role, newAccount: !existing },
    });
    return view;
  });
  return { member, oneTimePassword };
}
