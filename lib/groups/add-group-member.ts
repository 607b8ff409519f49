import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Adds a member of the organization to one of its groups. */
export async function addGroupMember({
  orgId,
  groupId,
  userId,
  audit,
}: OrgChange<{ groupId: string; userId: string }>): Promise<{ userId: string; email: string; name: string; addedAt: string }> {
  return forOrg(orgId).$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: groupId, orgId }, select: { id: true, name: true } });
    if (!group) throw notFound("Group");
    const membership = await tx.membership.findFirst({
      where: { orgId, userId },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    if (!membership) throw notFound("Member");
    const exists = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
    if (exists) throw new AppError("conflict", `${membership.user.email} is already in ${group.name}`);
    const row = await tx.groupMember.create({ data: { orgId, groupId, userId } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "group.member.add",
      target: { kind: "group", id: groupId },
      after: { userId, email: membership.user.email },
    });
    const { id, email, name } = membership.user;
    return { userId: id, email, name, addedAt: row.addedAt.toISOString() };
  });
}
