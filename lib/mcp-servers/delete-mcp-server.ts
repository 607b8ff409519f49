import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dropUpstreamClient } from "@/lib/mcp/upstream-pool";
import { mcpServerSnapshot } from "@/lib/mcp-servers/mcp-server-view";

/** Deletes a server and its catalog; its tools leave every toolset. */
export async function deleteMcpServer({ orgId, serverId, audit }: { orgId: string; serverId: string; audit: AuditContext }): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const server = await tx.mcpServer.findFirst({ where: { id: serverId, orgId } });
    if (!server) throw notFound("MCP server");
    const toolCount = await tx.catalogTool.count({ where: { serverId } });
    // Its grants go with it (Grant.serverId's foreign key).
    await tx.mcpServer.delete({ where: { id: server.id } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "mcp_server.delete",
      target: { kind: "mcp_server", id: server.id },
      before: { ...mcpServerSnapshot(server), toolCount },
    });
  });
  void dropUpstreamClient(serverId);
}
