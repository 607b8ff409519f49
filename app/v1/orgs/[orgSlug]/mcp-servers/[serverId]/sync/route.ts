import { idParam, orgRoute } from "@/lib/http/org-route";
import { authorizeResource } from "@/lib/grants/authorize-resource";
import { syncMcpServerNow } from "@/lib/mcp-servers/sync-mcp-server-now";
import { assertTokenWork } from "@/lib/network/charge-token-work";

// "Sync now": the result of this sync and the server as it now stands.
export const POST = orgRoute({ permission: "mcpServers.write", tokens: true }, async (access) => {
  const id = idParam(access.params.serverId, "MCP server");
  await authorizeResource(access, "MCP_SERVER", id, "WRITE");
  await assertTokenWork({ principal: access.principal, operation: "catalogSync" });
  return syncMcpServerNow({ orgId: access.org.id, serverId: id, audit: access.audit });
});
