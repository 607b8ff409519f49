import { z } from "zod";
import { orgRoute } from "@/lib/http/org-route";
import { visibleResourceIds } from "@/lib/grants/authorize-resource";
import { listCatalogTools } from "@/lib/mcp-servers/list-catalog-tools";

export const GET = orgRoute(
  { permission: "mcpServers.read", query: z.object({ search: z.string().trim().max(100).optional() }), tokens: true },
  async (access) => listCatalogTools({ orgId: access.org.id, search: access.query.search, serverIds: await visibleResourceIds(access, "MCP_SERVER") }),
);
