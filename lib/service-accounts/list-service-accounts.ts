import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/pagination";
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
}: { orgId: string } & ListServiceAccountsQuery): Promise<Page<ServiceAccountView>> {
  const rows = await forOrg(orgId).serviceAccount.findMany({
    where: {
      orgId,
      ...(status ? { status } : {}),
      ...(search ? { name: { contains: search, mode: "insensitive" } } : {}),
      ...afterCursor(cursor, "desc"),
    },
    select: serviceAccountSelect,
    orderBy: cursorOrder("desc"),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  const counts = await countActiveTokens(forOrg(orgId), orgId, page.items.map((a) => a.id));
  return { items: page.items.map((a) => toServiceAccountView(a, counts.get(a.id) ?? 0)), nextCursor: page.nextCursor };
}
