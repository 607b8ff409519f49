import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Deletes a toolset; whoever had it loses its tools at the next request. */
export async function deleteToolset({ orgId, toolsetId, audit }: { orgId: string; toolsetId: string; audit: AuditContext }): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const toolset = await tx.toolset.findFirst({ where: { id: toolsetId }, select: { id: true, name: true, description: true } });
    if (!toolset) throw notFound("Toolset");
    // Its grants go with it (Grant.toolsetId's foreign key).
    await tx.toolset.delete({ where: { id: toolset.id } });
    await recordAuditEvent(tx, audit, { orgId, action: "toolset.delete", target: { kind: "toolset", id: toolsetId }, before: { name: toolset.name, description: toolset.description } });
  });
}
