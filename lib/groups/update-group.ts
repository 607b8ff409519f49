import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { groupSelect, groupSnapshot, toGroupView, type GroupView } from "@/lib/groups/group-view";
import type { UpdateGroupInput } from "@/lib/groups/contract";

export async function updateGroup({
  orgId,
  groupId,
  input,
  audit,
}: OrgChange<{ groupId: string; input: UpdateGroupInput }>): Promise<GroupView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.group.findFirst({ where: { id: groupId, orgId }, select: groupSelect });
    if (!before) throw notFound("Group");
    const after = await tx.group.update({ where: { id: before.id }, data: input, select: groupSelect });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "group.update",
      target: { kind: "group", id: groupId },
      before: groupSnapshot(before),
      after: groupSnapshot(after),
    });
    return toGroupView(after);
  });
}
