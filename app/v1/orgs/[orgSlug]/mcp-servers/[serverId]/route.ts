import { idParam, orgRoute } from "@/lib/http/org-route";
import { deleteMcpServer } from "@/lib/mcp-servers/delete-mcp-server";
import { getMcpServer } from "@/lib/mcp-servers/get-mcp-server";
import { updateMcpServerSchema } from "@/lib/mcp-servers/mcp-server-schemas";
import { updateMcpServer } from "@/lib/mcp-servers/update-mcp-server";

const serverId = (params: Record<string, string>) => idParam(params.serverId, "MCP server");

export const GET = orgRoute({ permission: "mcpServers.read" }, ({ org, params }) => getMcpServer({ orgId: org.id, serverId: serverId(params) }));

export const PATCH = orgRoute({ permission: "mcpServers.write", body: updateMcpServerSchema }, ({ org, params, body, audit }) =>
  updateMcpServer({ orgId: org.id, serverId: serverId(params), input: body, audit }),
);

export const DELETE = orgRoute({ permission: "mcpServers.write" }, ({ org, params, audit }) => deleteMcpServer({ orgId: org.id, serverId: serverId(params), audit }));
