import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/pagination";
import { mcpServerSelect, toMcpServerView, type McpServerView } from "@/lib/mcp-servers/mcp-server-view";

/** `ids` narrows the list to what a token may read; null means everything. */
export async function listMcpServers({
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
}): Promise<Page<McpServerView>> {
  const rows = await forOrg(orgId).mcpServer.findMany({
    // AND, not a spread: the cursor and the search are both an OR.
    where: {
      AND: [
        { orgId, ...(ids ? { id: { in: ids } } : {}) },
        afterCursor(cursor),
        search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { slug: { contains: search.toLowerCase() } }] } : {},
      ],
    },
    select: mcpServerSelect,
    orderBy: cursorOrder(),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { items: page.items.map(toMcpServerView), nextCursor: page.nextCursor };
}
