import { orgRoute } from "@/lib/http/org-route";
import { syncMcpServerNow } from "@/lib/mcp-servers/sync-mcp-server-now";
import { assertTokenWork } from "@/lib/network/charge-token-work";

// "Sync now": the result of this sync and the server as it now stands.
export const POST = orgRoute({ permission: "mcpServers.write", tokens: true, resource: { type: "MCP_SERVER", param: "serverId", level: "WRITE" } }, async ({ org, principal, resourceId, audit }) => {
  await assertTokenWork({ principal, operation: "catalogSync" });
  return syncMcpServerNow({ orgId: org.id, serverId: resourceId, audit });
});
