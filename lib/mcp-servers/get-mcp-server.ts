import "server-only";
import type { McpServerDetailView } from "@/lib/mcp-servers/contract";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import { catalogToolSelect, toCatalogToolView } from "@/lib/mcp-servers/catalog-tool-view";
import { mcpServerSelect, toMcpServerView } from "@/lib/mcp-servers/mcp-server-view";

/** A server with its whole catalog. */
export async function getMcpServer({ orgId, serverId }: { orgId: string; serverId: string }): Promise<McpServerDetailView> {
  const server = await forOrg(orgId).mcpServer.findFirst({
    where: { id: serverId, orgId },
    select: {
      ...mcpServerSelect,
      tools: { select: catalogToolSelect, orderBy: { name: "asc" } },
      prompts: { select: { name: true, title: true, description: true, arguments: true }, orderBy: { name: "asc" } },
      resources: { select: { uri: true, name: true, title: true, description: true, mimeType: true }, orderBy: { uri: "asc" } },
      resourceTemplates: { select: { uriTemplate: true, name: true, title: true, description: true, mimeType: true }, orderBy: { uriTemplate: "asc" } },
    },
  });
  if (!server) throw notFound("MCP server");
  return {
    ...toMcpServerView(server),
    tools: server.tools.map(toCatalogToolView),
    prompts: server.prompts,
    resources: server.resources,
    resourceTemplates: server.resourceTemplates,
  };
}
