import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, nameAndAgeSorts, type CountedPage, type SortKeys } from "@/lib/sorted-pages";
import { assertOwnerExists, ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import type { ListTokensQuery } from "@/lib/tokens/contract";
import { expiringBefore } from "@/lib/token-expiry";
import { tokenSelect, toTokenView, type TokenView } from "@/lib/tokens/token-view";

type Row = { id: string; name: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null };
const date = (column: "expiresAt" | "lastUsedAt", direction: "asc" | "desc") =>
  ({ column, direction, type: "date", nullable: column === "lastUsedAt", value: (row: Row) => row[column] }) as const;
const SORTS: SortKeys<Row, ListTokensQuery["sort"]> = {
  ...nameAndAgeSorts<Row>(),
  expires: date("expiresAt", "asc"),
  "-expires": date("expiresAt", "desc"),
  // Never-used tokens come last in both directions.
  lastUsed: date("lastUsedAt", "asc"),
  "-lastUsed": date("lastUsedAt", "desc"),
};

/**
 * Newest first unless sorted otherwise (name, age, expiry, last use); active, suspended
 * (account disabled), expired and revoked alike unless `status` narrows it;
 * with how many match the filter and how many the owner has.
 */
export async function listServiceTokens({
  orgId,
  owner,
  limit,
  cursor,
  status,
  sort = "newest",
  now = new Date(),
}: { orgId: string; owner: TokenOwner; now?: Date } & Omit<ListTokensQuery, "sort"> & { sort?: ListTokensQuery["sort"] }): Promise<CountedPage<TokenView>> {
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
  const db = forOrg(orgId).serviceToken;
  const page = await countedSortedPage({ order: { list: "service-tokens", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: ownerWhere(orgId, owner) }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: tokenSelect, ...slice }) });
  return { ...page, items: page.items.map((row) => toTokenView(row, now)) };
}
