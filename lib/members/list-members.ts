import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, toPage, type Page } from "@/lib/pagination";
import { memberSelect, toMemberView, type MemberView } from "@/lib/members/member-view";

export async function listMembers({
  orgId,
  limit,
  cursor,
  search,
}: {
  orgId: string;
  limit: number;
  cursor?: string;
  search?: string;
}): Promise<Page<MemberView>> {
  const rows = await forOrg(orgId).membership.findMany({
    where: {
      orgId,
      ...afterCursor(cursor),
      ...(search
        ? { user: { OR: [{ email: { contains: search, mode: "insensitive" } }, { name: { contains: search, mode: "insensitive" } }] } }
        : {}),
    },
    select: memberSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { items: page.items.map(toMemberView), nextCursor: page.nextCursor };
}
