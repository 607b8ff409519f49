import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { catalogToolSelect, toCatalogToolView, type CatalogToolView } from "@/lib/mcp-servers/catalog-tool-view";

const MAX_TOOLS = 2000;

/** Every tool of the organization's servers, for the toolset picker (grouped by server there). */
export async function listCatalogTools({ orgId, search, serverIds = null }: { orgId: string; search?: string; serverIds?: string[] | null }): Promise<{ items: CatalogToolView[] }> {
  const rows = await forOrg(orgId).catalogTool.findMany({
    where: {
      orgId,
      ...(serverIds ? { serverId: { in: serverIds } } : {}),
      ...(search
        ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { description: { contains: search, mode: "insensitive" } }, { exposedName: { contains: search, mode: "insensitive" } }] }
        : {}),
    },
    select: catalogToolSelect,
    orderBy: [{ server: { name: "asc" } }, { name: "asc" }],
    take: MAX_TOOLS,
  });
  return { items: rows.map(toCatalogToolView) };
}
