import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, cursorOrder, decodeCursor, encodeCursor, toPage, type Page } from "@/lib/pagination";
import { assertOwnerExists, ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import type { ListTokensQuery } from "@/lib/tokens/contract";
import { expiringBefore } from "@/lib/token-expiry";
import { tokenSelect, toTokenView, type TokenView } from "@/lib/tokens/token-view";

/**
 * Newest first, or soonest expiry first (`sort: "expires"`); active, suspended
 * (account disabled), expired and revoked alike unless `status` narrows it;
 * with the total that match.
 */
export async function listServiceTokens({
  orgId,
  owner,
  limit,
  cursor,
  status,
  sort = "newest",
  now = new Date(),
}: { orgId: string; owner: TokenOwner; now?: Date } & Omit<ListTokensQuery, "sort"> & { sort?: ListTokensQuery["sort"] }): Promise<Page<TokenView> & { total: number }> {
  await assertOwnerExists(forOrg(orgId), orgId, owner);
  const byStatus =
    status === "revoked"
      ? { revokedAt: { not: null } }
      : status === "expired"
        ? { revokedAt: null, expiresAt: { lte: now } }
        : status === "active"
          ? { revokedAt: null, expiresAt: { gt: now }, OR: [{ serviceAccountId: null }, { serviceAccount: { status: "ACTIVE" as const } }] }
          : status === "suspended"
            ? { revokedAt: null, expiresAt: { gt: now }, serviceAccount: { status: "DISABLED" as const } }
            : status === "expiring"
              ? // A rolled token's grace end is its expiry, but its replacement already took over.
                { revokedAt: null, rolledTo: null, expiresAt: { gt: now, lte: expiringBefore(now) } }
              : {};
  // AND, not a spread: the status and the cursor may both be an OR.
  const where = { AND: [ownerWhere(orgId, owner), byStatus] };
  const byExpiry = sort === "expires";
  const [rows, total] = await Promise.all([
    forOrg(orgId).serviceToken.findMany({
      where: { AND: [where, byExpiry ? afterExpiryCursor(cursor) : afterCursor(cursor, "desc")] },
      select: tokenSelect,
      orderBy: byExpiry ? [{ expiresAt: "asc" }, { id: "asc" }] : cursorOrder("desc"),
      take: limit + 1,
    }),
    forOrg(orgId).serviceToken.count({ where }),
  ]);
  if (byExpiry) {
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.expiresAt, id: last.id }) : null;
    return { items: items.map((row) => toTokenView(row, now)), nextCursor, total };
  }
  const page = toPage(rows, limit);
  return { items: page.items.map((row) => toTokenView(row, now)), nextCursor: page.nextCursor, total };
}

/** Soonest expiry first: the cursor holds the last row's (expiresAt, id), in the shape of the createdAt cursors. */
function afterExpiryCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { createdAt: expiresAt, id } = decodeCursor(cursor);
  return { OR: [{ expiresAt: { gt: expiresAt } }, { expiresAt, id: { gt: id } }] };
}
