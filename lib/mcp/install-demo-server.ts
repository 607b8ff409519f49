import { db } from "@/lib/db/prisma";
import { SYSTEM_ACTOR } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DEMO_SERVER_SLUG, DEMO_SERVER_URL } from "@/lib/mcp/demo-server";
import { syncCatalog } from "@/lib/mcp/sync-catalog";

const SYSTEM_AUDIT = { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null };

/**
 * First run: registers the built-in demo upstream as server `demo`, syncs it,
 * and creates the toolset `Demo` with all its tools, so a new install can be
 * tried end to end in a minute (README quick start).
 */
export async function installDemoServer({ orgId }: { orgId: string }): Promise<void> {
  const server = await db().$transaction(async (tx) => {
    const row = await tx.mcpServer.create({ data: { orgId, name: "Demo", slug: DEMO_SERVER_SLUG, url: DEMO_SERVER_URL, builtin: true } });
    await recordAuditEvent(tx, SYSTEM_AUDIT, { orgId, action: "mcp_server.create", target: { kind: "mcp_server", id: row.id }, after: { name: "Demo", slug: DEMO_SERVER_SLUG, builtin: true } });
    return row;
  });
  await syncCatalog({ orgId, serverId: server.id, audit: SYSTEM_AUDIT });
  const tools = await db().catalogTool.findMany({ where: { serverId: server.id }, select: { id: true, exposedName: true } });
  await db().$transaction(async (tx) => {
    const toolset = await tx.toolset.create({ data: { orgId, name: "Demo", description: "The built-in demo server's tools: echo, add, current_time." } });
    await tx.toolsetTool.createMany({ data: tools.map((t) => ({ orgId, toolsetId: toolset.id, toolId: t.id })) });
    await recordAuditEvent(tx, SYSTEM_AUDIT, { orgId, action: "toolset.create", target: { kind: "toolset", id: toolset.id }, after: { name: "Demo", tools: tools.map((t) => t.exposedName) } });
  });
}
