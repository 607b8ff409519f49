import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { countedSortedPage, nameAndAgeSorts, type CountedPage } from "@/lib/sorted-pages";
import { EXPIRED_WINDOW_MS, expiringBefore } from "@/lib/token-expiry";
import { countActiveTokens } from "@/lib/service-accounts/count-active-tokens";
import type { ListServiceAccountsQuery } from "@/lib/service-accounts/contract";
import { serviceAccountSelect, toServiceAccountView, type ServiceAccountView } from "@/lib/service-accounts/service-account-view";

const SORTS = nameAndAgeSorts<{ id: string; name: string; createdAt: Date }>();

/** Newest first unless sorted otherwise, with each account's active token count how many match the filters and how many there are. */
export async function listServiceAccounts({
  orgId,
  limit,
  cursor,
  search,
  status,
  tokens,
  sort = "newest",
  now = new Date(),
}: { orgId: string; now?: Date } & Omit<ListServiceAccountsQuery, "sort"> & { sort?: ListServiceAccountsQuery["sort"] }): Promise<CountedPage<ServiceAccountView>> {
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
  const db = forOrg(orgId).serviceAccount;
  const page = await countedSortedPage({ order: { list: "service-accounts", sort }, key: SORTS[sort], cursor, limit, total: db.count({ where }), unfilteredTotal: db.count({ where: { orgId } }),
    rows: ({ after, ...slice }) => db.findMany({ where: { AND: [where, after] }, select: serviceAccountSelect, ...slice }) });
  const counts = await countActiveTokens(forOrg(orgId), orgId, page.items.map((a) => a.id));
  return { ...page, items: page.items.map((a) => toServiceAccountView(a, counts.get(a.id) ?? 0)) };
}
