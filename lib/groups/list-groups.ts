import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterSortCursor, nameAndAgeSorts, sortOrderBy, toSortedPage, type CountedPage } from "@/lib/sorted-pages";
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
  const key = SORTS[sort];
  const where = { orgId, ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}) };
  const [rows, total, unfilteredTotal] = await Promise.all([
    db.findMany({ where: { AND: [where, afterSortCursor({ list: "groups", sort }, key, cursor)] }, select: groupSelect, orderBy: sortOrderBy(key), take: limit + 1 }),
    db.count({ where }),
    db.count({ where: { orgId } }),
  ]);
  const page = toSortedPage({ list: "groups", sort }, key, rows, limit);
  return { items: page.items.map(toGroupView), nextCursor: page.nextCursor, total, unfilteredTotal };
}
