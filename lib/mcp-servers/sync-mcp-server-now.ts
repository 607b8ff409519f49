import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { syncCatalog, type SyncResult } from "@/lib/mcp/sync-catalog";
import { mcpServerSelect, toMcpServerView, type McpServerView } from "@/lib/mcp-servers/mcp-server-view";

export async function syncMcpServerNow({ orgId, serverId, audit }: { orgId: string; serverId: string; audit: AuditContext }): Promise<{ result: SyncResult; server: McpServerView }> {
  const result = await syncCatalog({ orgId, serverId, audit });
  if (result.status === "skipped" && result.reason === "not_found") throw notFound("MCP server");
  if (result.status === "skipped" && result.reason === "disabled") throw new AppError("conflict", "The server is disabled; enable it to sync");
  if (result.status === "skipped") throw new AppError("conflict", "A sync of this server is already running; try again in a moment");
  return { result, server: toMcpServerView(await forOrg(orgId).mcpServer.findUniqueOrThrow({ where: { id: serverId }, select: mcpServerSelect })) };
}
