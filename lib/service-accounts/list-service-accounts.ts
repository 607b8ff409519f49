import "server-only";
import { db } from "@/lib/db/prisma";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/http/pagination";
import { expiringBefore } from "@/lib/tokens/token-expiry";
import { countActiveTokens } from "@/lib/service-accounts/count-active-tokens";
import type { ListServiceAccountsQuery } from "@/lib/service-accounts/service-account-schemas";
import { serviceAccountSelect, toServiceAccountView, type ServiceAccountView } from "@/lib/service-accounts/service-account-view";

/** Newest first, with each account's active token count. */
export async function listServiceAccounts({
  orgId,
  limit,
  cursor,
  search,
  status,
  tokens,
  now = new Date(),
}: { orgId: string; now?: Date } & ListServiceAccountsQuery): Promise<Page<ServiceAccountView>> {
  const byTokens =
    tokens === "expiring"
      ? { tokens: { some: { revokedAt: null, expiresAt: { gt: now, lte: expiringBefore(now) } } } }
      : tokens === "expired"
        ? { tokens: { some: { revokedAt: null, expiresAt: { lte: now } } } }
        : {};
  const rows = await db().serviceAccount.findMany({
    where: {
      orgId,
      ...(status ? { status } : {}),
      ...byTokens,
      ...(search ? { name: { contains: search, mode: "insensitive" } } : {}),
      ...afterCursor(cursor, "desc"),
    },
    select: serviceAccountSelect,
    orderBy: cursorOrder("desc"),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  const counts = await countActiveTokens(db(), orgId, page.items.map((a) => a.id));
  return { items: page.items.map((a) => toServiceAccountView(a, counts.get(a.id) ?? 0)), nextCursor: page.nextCursor };
}
