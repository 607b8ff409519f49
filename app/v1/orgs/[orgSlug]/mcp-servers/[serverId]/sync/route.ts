import { idParam, orgRoute } from "@/lib/http/org-route";
import { syncMcpServerNow } from "@/lib/mcp-servers/sync-mcp-server-now";

// "Sync now": the result of this sync and the server as it now stands.
export const POST = orgRoute({ permission: "mcpServers.write" }, ({ org, params, audit }) =>
  syncMcpServerNow({ orgId: org.id, serverId: idParam(params.serverId, "MCP server"), audit }),
);
