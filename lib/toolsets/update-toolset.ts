import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";

export async function updateToolset({
  orgId,
  toolsetId,
  input,
  audit,
}: OrgChange<{ toolsetId: string; input: { name?: string; description?: string } }>): Promise<ToolsetView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.toolset.findFirst({ where: { id: toolsetId }, select: toolsetSelect });
    if (!before) throw notFound("Toolset");
    const after = await tx.toolset.update({ where: { id: before.id }, data: input, select: toolsetSelect });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "toolset.update",
      target: { kind: "toolset", id: toolsetId },
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    });
    return toToolsetView(after);
  });
}
