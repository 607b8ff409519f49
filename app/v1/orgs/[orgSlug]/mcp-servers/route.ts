import { orgRoute } from "@/lib/http/org-route";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { listMcpServers } from "@/lib/mcp-servers/list-mcp-servers";
import { createMcpServerSchema, listMcpServersQuerySchema } from "@/lib/mcp-servers/mcp-server-schemas";

export const GET = orgRoute({ permission: "mcpServers.read", query: listMcpServersQuerySchema }, ({ org, query }) => listMcpServers({ orgId: org.id, ...query }));

export const POST = orgRoute({ permission: "mcpServers.write", body: createMcpServerSchema, status: 201 }, ({ org, body, audit }) =>
  createMcpServer({ orgId: org.id, input: body, audit }),
);
