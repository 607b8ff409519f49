import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Adds catalog tools of this organization to the toolset; tools already in it are left as they are. */
export async function addToolsetTools({ orgId, toolsetId, toolIds, audit }: { orgId: string; toolsetId: string; toolIds: string[]; audit: AuditContext }): Promise<{ added: string[] }> {
  return forOrg(orgId).$transaction(async (tx) => {
    const toolset = await tx.toolset.findFirst({ where: { id: toolsetId }, select: { id: true } });
    if (!toolset) throw notFound("Toolset");
    const tools = await tx.catalogTool.findMany({ where: { id: { in: toolIds } }, select: { id: true, exposedName: true } });
    if (tools.length !== new Set(toolIds).size) throw notFound("Tool");
    const present = new Set((await tx.toolsetTool.findMany({ where: { toolsetId, toolId: { in: toolIds } }, select: { toolId: true } })).map((t) => t.toolId));
    const fresh = tools.filter((t) => !present.has(t.id));
    if (!fresh.length) return { added: [] };
    await tx.toolsetTool.createMany({ data: fresh.map((t) => ({ orgId, toolsetId, toolId: t.id })) });
    await recordAuditEvent(tx, audit, { orgId, action: "toolset.tools.add", target: { kind: "toolset", id: toolsetId }, after: { tools: fresh.map((t) => t.exposedName) } });
    return { added: fresh.map((t) => t.id) };
  });
}
