import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { groupSnapshot } from "@/lib/groups/group-view";

export async function deleteGroup({ orgId, groupId, audit }: { orgId: string; groupId: string; audit: AuditContext }): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: groupId, orgId }, select: { id: true, name: true, description: true } });
    if (!group) throw notFound("Group");
    await tx.group.delete({ where: { id: group.id } });
    await recordAuditEvent(tx, audit, { orgId, action: "group.delete", target: { kind: "group", id: groupId }, before: groupSnapshot(group) });
  });
}
