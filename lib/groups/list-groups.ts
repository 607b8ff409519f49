import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, toPage, type Page } from "@/lib/pagination";
import { groupSelect, toGroupView, type GroupView } from "@/lib/groups/group-view";

export async function listGroups({
  orgId,
  limit,
  cursor,
  search,
}: {
  orgId: string;
  limit: number;
  cursor?: string;
  search?: string;
}): Promise<Page<GroupView>> {
  const rows = await forOrg(orgId).group.findMany({
    where: { orgId, ...afterCursor(cursor), ...(search ? { name: { contains: search, mode: "insensitive" } } : {}) },
    select: groupSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { items: page.items.map(toGroupView), nextCursor: page.nextCursor };
}
