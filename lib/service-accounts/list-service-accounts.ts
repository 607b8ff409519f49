import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError } from "@/lib/errors";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/pagination";
import { EXPIRED_WINDOW_MS, expiringBefore } from "@/lib/token-expiry";
import { countActiveTokens } from "@/lib/service-accounts/count-active-tokens";
import type { ListServiceAccountsQuery } from "@/lib/service-accounts/contract";
import { serviceAccountSelect, toServiceAccountView, type ServiceAccountView } from "@/lib/service-accounts/service-account-view";

/** Newest first unless sorted otherwise, with each account's active token count and the total that match. */
export async function listServiceAccounts({
  orgId,
  limit,
  cursor,
  search,
  status,
  tokens,
  sort = "newest",
  now = new Date(),
}: { orgId: string; now?: Date } & Omit<ListServiceAccountsQuery, "sort"> & { sort?: ListServiceAccountsQuery["sort"] }): Promise<Page<ServiceAccountView> & { total: number }> {
  const byTokens =
    tokens === "expiring"
      ? { tokens: { some: { revokedAt: null, rolledTo: null, expiresAt: { gt: now, lte: expiringBefore(now) } } } }
      : tokens === "expired"
        ? // As the Overview counts them: expired in the last 30 days, not replaced by a roll.
          { tokens: { some: { revokedAt: null, rolledTo: null, expiresAt: { gt: new Date(now.getTime() - EXPIRED_WINDOW_MS), lte: now } } } }
        : {};
  const where = {
    orgId,
    ...(status ? { status } : {}),
    ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}),
    ...byTokens,
  };
  const byName = sort === "name" || sort === "-name";
  const order = sort === "oldest" || sort === "name" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    forOrg(orgId).serviceAccount.findMany({
      where: { AND: [where, byName ? afterName(cursor, order) : afterCursor(cursor, order)] },
      select: serviceAccountSelect,
      orderBy: byName ? [{ name: order }] : cursorOrder(order),
      take: limit + 1,
    }),
    forOrg(orgId).serviceAccount.count({ where }),
  ]);
  const page = byName ? toNamePage(rows, limit) : toPage(rows, limit);
  const counts = await countActiveTokens(forOrg(orgId), orgId, page.items.map((a) => a.id));
  return { items: page.items.map((a) => toServiceAccountView(a, counts.get(a.id) ?? 0)), nextCursor: page.nextCursor, total };
}

// Names are unique in an organization, so the last name seen is a cursor of its own.
function afterName(cursor: string | undefined, order: "asc" | "desc") {
  if (!cursor) return {};
  const name = decodeNameCursor(cursor);
  return { name: order === "asc" ? { gt: name } : { lt: name } };
}

function decodeNameCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value[0] === "name" && typeof value[1] === "string") return value[1];
  } catch {
    // the one error below
  }
  throw new AppError("bad_request", "The cursor is not valid; pass back the nextCursor of a previous page", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
}

function toNamePage<T extends { name: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify(["name", last.name])).toString("base64url") : null };
}
