import { z } from "zod";
import { orgRoute } from "@/lib/http/org-route";
import { listCatalogTools } from "@/lib/mcp-servers/list-catalog-tools";

export const GET = orgRoute(
  { permission: "mcpServers.read", query: z.object({ search: z.string().trim().max(100).optional() }), tokens: true, resource: { type: "MCP_SERVER", list: true } },
  ({ org, query, visibleIds }) => listCatalogTools({ orgId: org.id, search: query.search, serverIds: visibleIds }),
);
