import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/pagination";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";

/** `ids` narrows the list to what a token may read; null means everything. */
export async function listToolsets({
  orgId,
  limit,
  cursor,
  search,
  ids = null,
}: {
  orgId: string;
  limit: number;
  cursor?: string;
  search?: string;
  ids?: string[] | null;
}): Promise<Page<ToolsetView>> {
  const rows = await forOrg(orgId).toolset.findMany({
    where: { ...(ids ? { id: { in: ids } } : {}), ...afterCursor(cursor), ...(search ? { name: { contains: search, mode: "insensitive" } } : {}) },
    select: toolsetSelect,
    orderBy: cursorOrder(),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { items: page.items.map(toToolsetView), nextCursor: page.nextCursor };
}
