import { z } from "zod";
import { orgRoute } from "@/lib/http/org-route";
import { listCatalogTools } from "@/lib/mcp-servers/list-catalog-tools";

export const GET = orgRoute({ permission: "mcpServers.read", query: z.object({ search: z.string().trim().max(100).optional() }) }, ({ org, query }) =>
  listCatalogTools({ orgId: org.id, search: query.search }),
);
