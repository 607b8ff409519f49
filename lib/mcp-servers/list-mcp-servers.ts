import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, nameAndAgeSorts, type CountedPage } from "@/lib/sorted-pages";
import type { ListMcpServersQuery } from "@/lib/mcp-servers/contract";
import { mcpServerSelect, toMcpServerView, type McpServerView } from "@/lib/mcp-servers/mcp-server-view";

const SORTS = nameAndAgeSorts<{ id: string; name: string; createdAt: Date }>();

/**
 * Oldest first unless sorted otherwise. `ids` narrows the list to what a token
 * may read (null means everything); the totals count only those.
 */
export async function listMcpServers({
  orgId,
  limit,
  cursor,
  search,
  sort = "oldest",
  ids = null,
}: { orgId: string; ids?: string[] | null } & Omit<ListMcpServersQuery, "sort"> & { sort?: ListMcpServersQuery["sort"] }): Promise<CountedPage<McpServerView>> {
  const db = forOrg(orgId).mcpServer;
  const visible = { orgId, ...(ids ? { id: { in: ids } } : {}) };
  // AND, not a spread: the cursor and the search are both an OR.
  const where = { AND: [visible, search ? { OR: [{ name: { contains: search, mode: "insensitive" as const } }, { slug: { contains: search.toLowerCase() } }] } : {}] };
  const page = await countedSortedPage({ order: { list: "mcp-servers", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: visible }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: mcpServerSelect, ...slice }) });
  return { ...page, items: page.items.map(toMcpServerView) };
}
