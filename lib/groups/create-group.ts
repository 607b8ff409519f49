import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { groupSelect, groupSnapshot, toGroupView, type GroupView } from "@/lib/groups/group-view";
import type { CreateGroupInput } from "@/lib/groups/contract";

export async function createGroup({ orgId, input, audit }: { orgId: string; input: CreateGroupInput; audit: AuditContext }): Promise<GroupView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const group = await tx.group.create({ data: { orgId, name: input.name, description: input.description }, select: groupSelect });
    await recordAuditEvent(tx, audit, { orgId, action: "group.create", target: { kind: "group", id: group.id }, after: groupSnapshot(group) });
    return toGroupView(group);
  });
}
