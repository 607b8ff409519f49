import { orgRoute } from "@/lib/http/org-route";
import { deleteMcpServer } from "@/lib/mcp-servers/delete-mcp-server";
import { getMcpServer } from "@/lib/mcp-servers/get-mcp-server";
import { updateMcpServerSchema } from "@/lib/mcp-servers/contract";
import { updateMcpServer } from "@/lib/mcp-servers/update-mcp-server";

const server = (level: "READ" | "WRITE") => ({ type: "MCP_SERVER", param: "serverId", level }) as const;

export const GET = orgRoute({ permission: "mcpServers.read", tokens: true, resource: server("READ") }, ({ org, resourceId }) =>
  getMcpServer({ orgId: org.id, serverId: resourceId }),
);

export const PATCH = orgRoute({ permission: "mcpServers.write", body: updateMcpServerSchema, tokens: true, resource: server("WRITE") }, ({ org, resourceId, body, audit }) =>
  updateMcpServer({ orgId: org.id, serverId: resourceId, input: body, audit }),
);

// People only: a token never deletes a server, whatever it holds (least
// privilege; a leaked token cannot remove an upstream for everyone).
export const DELETE = orgRoute({ permission: "mcpServers.write", tokens: false, resource: server("WRITE") }, ({ org, resourceId, audit }) =>
  deleteMcpServer({ orgId: org.id, serverId: resourceId, audit }),
);
