import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, nameAndAgeSorts, type CountedPage } from "@/lib/sorted-pages";
import type { ListGroupsQuery } from "@/lib/groups/contract";
import { groupSelect, toGroupView, type GroupView } from "@/lib/groups/group-view";

const SORTS = nameAndAgeSorts<{ id: string; name: string; createdAt: Date }>();

/** Oldest first unless sorted otherwise, with how many match the search and how many there are. */
export async function listGroups({
  orgId,
  limit,
  cursor,
  search,
  sort = "oldest",
}: { orgId: string } & Omit<ListGroupsQuery, "sort"> & { sort?: ListGroupsQuery["sort"] }): Promise<CountedPage<GroupView>> {
  const db = forOrg(orgId).group;
  const where = { orgId, ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}) };
  const page = await countedSortedPage({ order: { list: "groups", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: { orgId } }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: groupSelect, ...slice }) });
  return { ...page, items: page.items.map(toGroupView) };
}
