import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, createdAtSort, stringSort, type CountedPage, type SortKeys } from "@/lib/sorted-pages";
import type { ListMembersQuery } from "@/lib/members/contract";
import { memberSelect, toMemberView, type MemberView } from "@/lib/members/member-view";

type Row = { id: string; createdAt: Date; user: { email: string } };
const SORTS: SortKeys<Row, ListMembersQuery["sort"]> = {
  email: stringSort<Row>("email", "asc", (row) => row.user.email, "user"),
  "-email": stringSort<Row>("email", "desc", (row) => row.user.email, "user"),
  newest: createdAtSort<Row>("desc"),
  oldest: createdAtSort<Row>("asc"),
};

/** Oldest member first unless sorted otherwise (by email, or by when they joined). */
export async function listMembers({
  orgId,
  limit,
  cursor,
  search,
  sort = "oldest",
}: { orgId: string } & Omit<ListMembersQuery, "sort"> & { sort?: ListMembersQuery["sort"] }): Promise<CountedPage<MemberView>> {
  const db = forOrg(orgId).membership;
  const where = {
    orgId,
    ...(search ? { user: { OR: [{ email: { contains: search, mode: "insensitive" as const } }, { name: { contains: search, mode: "insensitive" as const } }] } } : {}),
  };
  const page = await countedSortedPage({ order: { list: "members", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: { orgId } }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: memberSelect, ...slice }) });
  return { ...page, items: page.items.map(toMemberView) };
}
