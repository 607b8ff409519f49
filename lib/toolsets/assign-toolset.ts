import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AssignToolsetInput } from "@/lib/toolsets/contract";
import { assignmentSelect, toAssignmentView, type AssignmentView } from "@/lib/toolsets/toolset-view";

/** Gives the toolset to one person (a member), group or service account of the same organization. */
export async function assignToolset({ orgId, toolsetId, input, audit }: { orgId: string; toolsetId: string; input: AssignToolsetInput; audit: AuditContext }): Promise<AssignmentView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const toolset = await tx.toolset.findFirst({ where: { id: toolsetId }, select: { id: true, name: true } });
    if (!toolset) throw notFound("Toolset");
    const exists = input.userId
      ? await tx.membership.findFirst({ where: { userId: input.userId }, select: { id: true } })
      : input.groupId
        ? await tx.group.findFirst({ where: { id: input.groupId }, select: { id: true } })
        : await tx.serviceAccount.findFirst({ where: { id: input.serviceAccountId }, select: { id: true } });
    if (!exists) throw notFound(input.userId ? "Member" : input.groupId ? "Group" : "Service account");
    const duplicate = await tx.toolsetAssignment.findFirst({ where: { toolsetId, userId: input.userId, groupId: input.groupId, serviceAccountId: input.serviceAccountId } });
    if (duplicate) throw new AppError("conflict", `${toolset.name} is already assigned there`);
    const row = await tx.toolsetAssignment.create({ data: { orgId, toolsetId, ...input }, select: assignmentSelect });
    const view = toAssignmentView(row);
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "toolset.assign",
      target: { kind: "toolset", id: toolsetId },
      serviceAccountId: view.kind === "service_account" ? view.target.id : null,
      after: { kind: view.kind, targetId: view.target.id, targetName: view.target.name },
    });
    return view;
  });
}
