import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export async function removeGroupMember({
  orgId,
  groupId,
  userId,
  audit,
}: OrgChange<{ groupId: string; userId: string }>): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const row = await tx.groupMember.findFirst({
      where: { orgId, groupId, userId },
      select: { user: { select: { email: true } } },
    });
    if (!row) throw notFound("Group member");
    await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "group.member.remove",
      target: { kind: "group", id: groupId },
      before: { userId, email: row.user.email },
    });
  });
}
