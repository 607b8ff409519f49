import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { encryptJson } from "@/lib/secrets/secret-box";
import { syncCatalog } from "@/lib/mcp/sync-catalog";
import { checkUpstreamUrl } from "@/lib/mcp-servers/check-upstream-url";
import type { CreateMcpServerInput } from "@/lib/mcp-servers/contract";
import { mcpServerSelect, mcpServerSnapshot, toMcpServerView, type McpServerView } from "@/lib/mcp-servers/mcp-server-view";

/** Registers an upstream and syncs its catalog at once; a failed first sync shows as the server's error status. */
export async function createMcpServer({ orgId, input, audit }: { orgId: string; input: CreateMcpServerInput; audit: AuditContext }): Promise<McpServerView> {
  await checkUpstreamUrl(input.url);
  const headerNames = Object.keys(input.headers);
  const server = await forOrg(orgId).$transaction(async (tx) => {
    const row = await tx.mcpServer.create({
      data: {
        orgId,
        name: input.name,
        slug: input.slug,
        url: input.url,
        timeoutMs: input.timeoutMs,
        headerNames,
        headersEncrypted: headerNames.length ? encryptJson(input.headers) : null,
      },
      select: mcpServerSelect,
    });
    await recordAuditEvent(tx, audit, { orgId, action: "mcp_server.create", target: { kind: "mcp_server", id: row.id }, after: mcpServerSnapshot(row) });
    return row;
  });
  await syncCatalog({ orgId, serverId: server.id, audit });
  return toMcpServerView(await forOrg(orgId).mcpServer.findUniqueOrThrow({ where: { id: server.id }, select: mcpServerSelect }));
}
