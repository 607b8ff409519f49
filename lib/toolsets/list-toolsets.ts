import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, nameAndAgeSorts, type CountedPage } from "@/lib/sorted-pages";
import type { ListToolsetsQuery } from "@/lib/toolsets/contract";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";

const SORTS = nameAndAgeSorts<{ id: string; name: string; createdAt: Date }>();

/**
 * Oldest first unless sorted otherwise. `ids` narrows the list to what a token
 * may read (null means everything); the totals count only those, so a token
 * learns nothing of the toolsets it cannot see.
 */
export async function listToolsets({
  orgId,
  limit,
  cursor,
  search,
  sort = "oldest",
  ids = null,
}: { orgId: string; ids?: string[] | null } & Omit<ListToolsetsQuery, "sort"> & { sort?: ListToolsetsQuery["sort"] }): Promise<CountedPage<ToolsetView>> {
  const db = forOrg(orgId).toolset;
  const visible = { orgId, ...(ids ? { id: { in: ids } } : {}) };
  const where = { ...visible, ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}) };
  const page = await countedSortedPage({ order: { list: "toolsets", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: visible }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: toolsetSelect, ...slice }) });
  return { ...page, items: page.items.map(toToolsetView) };
}
