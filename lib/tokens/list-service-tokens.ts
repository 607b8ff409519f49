import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { afterCursor, cursorOrder, toPage, type Page } from "@/lib/pagination";
import { assertOwnerExists, ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import type { ListTokensQuery } from "@/lib/tokens/token-schemas";
import { expiringBefore } from "@/lib/token-expiry";
import { tokenSelect, toTokenView, type TokenView } from "@/lib/tokens/token-view";

/** Newest first; active, suspended (account disabled), expired and revoked alike unless `status` narrows it. */
export async function listServiceTokens({
  orgId,
  owner,
  limit,
  cursor,
  status,
  now = new Date(),
}: { orgId: string; owner: TokenOwner; now?: Date } & ListTokensQuery): Promise<Page<TokenView>> {
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
              ? { revokedAt: null, expiresAt: { gt: now, lte: expiringBefore(now) } }
              : {};
  const rows = await forOrg(orgId).serviceToken.findMany({
    where: { ...ownerWhere(orgId, owner), ...byStatus, ...afterCursor(cursor, "desc") },
    select: tokenSelect,
    orderBy: cursorOrder("desc"),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  return { items: page.items.map((row) => toTokenView(row, now)), nextCursor: page.nextCursor };
}
