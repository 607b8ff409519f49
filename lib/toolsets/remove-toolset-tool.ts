import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export async function removeToolsetTool({ orgId, toolsetId, toolId, audit }: { orgId: string; toolsetId: string; toolId: string; audit: AuditContext }): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const row = await tx.toolsetTool.findFirst({ where: { toolsetId, toolId }, select: { tool: { select: { exposedName: true } } } });
    if (!row) throw notFound("Tool in this toolset");
    await tx.toolsetTool.delete({ where: { toolsetId_toolId: { toolsetId, toolId } } });
    await recordAuditEvent(tx, audit, { orgId, action: "toolset.tools.remove", target: { kind: "toolset", id: toolsetId }, before: { tools: [row.tool.exposedName] } });
  });
}
