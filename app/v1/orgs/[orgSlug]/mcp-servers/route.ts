import { orgRoute } from "@/lib/http/org-route";
import { visibleResourceIds } from "@/lib/grants/authorize-resource";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { listMcpServers } from "@/lib/mcp-servers/list-mcp-servers";
import { createMcpServerSchema, listMcpServersQuerySchema } from "@/lib/mcp-servers/mcp-server-schemas";

// Tokens see the servers they hold Read or Write on (all with Full Access).
export const GET = orgRoute({ permission: "mcpServers.read", query: listMcpServersQuerySchema, tokens: true }, async (access) =>
  listMcpServers({ orgId: access.org.id, ...access.query, ids: await visibleResourceIds(access, "MCP_SERVER") }),
);

// Registering an upstream stays with people.
export const POST = orgRoute({ permission: "mcpServers.write", body: createMcpServerSchema, status: 201 }, ({ org, body, audit }) =>
  createMcpServer({ orgId: org.id, input: body, audit }),
);
