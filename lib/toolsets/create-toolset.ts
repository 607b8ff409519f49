import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";

export async function createToolset({ orgId, input, audit }: { orgId: string; input: { name: string; description: string }; audit: AuditContext }): Promise<ToolsetView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const toolset = await tx.toolset.create({ data: { orgId, ...input }, select: toolsetSelect });
    await recordAuditEvent(tx, audit, { orgId, action: "toolset.create", target: { kind: "toolset", id: toolset.id }, after: input });
    return toToolsetView(toolset);
  });
}
