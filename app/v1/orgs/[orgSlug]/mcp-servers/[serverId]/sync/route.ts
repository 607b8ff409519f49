import { orgRoute } from "@/lib/http/org-route";
import { syncMcpServerNow } from "@/lib/mcp-servers/sync-mcp-server-now";

// "Sync now": the result of this sync and the server as it now stands.
export const POST = orgRoute({ permission: "mcpServers.write", tokens: true, resource: { type: "MCP_SERVER", param: "serverId", level: "WRITE" } }, ({ org, resourceId, audit }) =>
  syncMcpServerNow({ orgId: org.id, serverId: resourceId, audit }),
);
