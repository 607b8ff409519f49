import { orgRoute } from "@/lib/http/org-route";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { listMcpServers } from "@/lib/mcp-servers/list-mcp-servers";
import { createMcpServerSchema, listMcpServersQuerySchema } from "@/lib/mcp-servers/contract";

// Tokens see the servers they hold Read or Write on (all with Full Access).
export const GET = orgRoute(
  { permission: "mcpServers.read", query: listMcpServersQuerySchema, tokens: true, resource: { type: "MCP_SERVER", list: true } },
  ({ org, query, visibleIds }) => listMcpServers({ orgId: org.id, ...query, ids: visibleIds }),
);

// Registering an upstream stays with people.
export const POST = orgRoute({ permission: "mcpServers.write", body: createMcpServerSchema, status: 201 }, ({ org, body, audit }) =>
  createMcpServer({ orgId: org.id, input: body, audit }),
);
