import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assignmentSelect, toAssignmentView } from "@/lib/toolsets/toolset-view";

export async function unassignToolset({ orgId, toolsetId, assignmentId, audit }: { orgId: string; toolsetId: string; assignmentId: string; audit: AuditContext }): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const row = await tx.toolsetAssignment.findFirst({ where: { id: assignmentId, toolsetId }, select: assignmentSelect });
    if (!row) throw notFound("Assignment");
    await tx.toolsetAssignment.delete({ where: { id: row.id } });
    const view = toAssignmentView(row);
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "toolset.unassign",
      target: { kind: "toolset", id: toolsetId },
      serviceAccountId: view.kind === "service_account" ? view.target.id : null,
      before: { kind: view.kind, targetId: view.target.id, targetName: view.target.name },
    });
  });
}
