import { idParam, orgRoute } from "@/lib/http/org-route";
import { authorizeResource } from "@/lib/grants/authorize-resource";
import { deleteMcpServer } from "@/lib/mcp-servers/delete-mcp-server";
import { getMcpServer } from "@/lib/mcp-servers/get-mcp-server";
import { updateMcpServerSchema } from "@/lib/mcp-servers/mcp-server-schemas";
import { updateMcpServer } from "@/lib/mcp-servers/update-mcp-server";

const serverId = (params: Record<string, string>) => idParam(params.serverId, "MCP server");

export const GET = orgRoute({ permission: "mcpServers.read", tokens: true }, async (access) => {
  const id = serverId(access.params);
  await authorizeResource(access, "MCP_SERVER", id, "READ");
  return getMcpServer({ orgId: access.org.id, serverId: id });
});

export const PATCH = orgRoute({ permission: "mcpServers.write", body: updateMcpServerSchema, tokens: true }, async (access) => {
  const id = serverId(access.params);
  await authorizeResource(access, "MCP_SERVER", id, "WRITE");
  return updateMcpServer({ orgId: access.org.id, serverId: id, input: access.body, audit: access.audit });
});

// People only: a token never deletes a server, whatever it holds (least
// privilege; a leaked token cannot remove an upstream for everyone).
export const DELETE = orgRoute({ permission: "mcpServers.write" }, async (access) => {
  const id = serverId(access.params);
  return deleteMcpServer({ orgId: access.org.id, serverId: id, audit: access.audit });
});
