import "server-only";
import { db } from "@/lib/db/prisma";
import { daysLeft, expiringBefore } from "@/lib/token-expiry";

/** How far back an expired token is still news. */
const EXPIRED_NOTICE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export type Notice = {
  /** token_expiring: live, expiring within TOKEN_EXPIRY_WARNING_DAYS; token_expired: expired in the last 30 days, not revoked, not replaced by a roll. */
  kind: "token_expiring" | "token_expired";
  /** Stable per token and kind, so a poller can tell what it has seen. */
  id: string;
  token: { id: string; name: string; prefix: string; orgWide: boolean };
  serviceAccount: { id: string; name: string } | null;
  expiresAt: string;
  daysLeft: number;
};

/**
 * The organization's notices, for an admin's automation to poll (no webhook,
 * no e-mail): tokens about to expire and tokens that just did. Expired first,
 * then by expiry. A rolled token in its grace period is not news: it was
 * replaced on purpose.
 */
export async function listNotices({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<{ items: Notice[]; expiringWithinDays: number }> {
  const before = expiringBefore(now);
  const rows = await db().serviceToken.findMany({
    where: {
      orgId,
      revokedAt: null,
      rolledTo: null,
      expiresAt: { gt: new Date(now.getTime() - EXPIRED_NOTICE_DAYS * DAY), lte: before },
      OR: [{ orgWide: true }, { serviceAccount: { isNot: null } }],
    },
    select: { id: true, name: true, prefix: true, orgWide: true, expiresAt: true, serviceAccount: { select: { id: true, name: true } } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const items = rows.map((row): Notice => {
    const kind = row.expiresAt <= now ? "token_expired" : "token_expiring";
    return {
      kind,
      id: `${kind}:${row.id}`,
      token: { id: row.id, name: row.name, prefix: row.prefix, orgWide: row.orgWide },
      serviceAccount: row.serviceAccount,
      expiresAt: row.expiresAt.toISOString(),
      daysLeft: daysLeft(row.expiresAt, now),
    };
  });
  return { items, expiringWithinDays: Math.round((before.getTime() - now.getTime()) / DAY) };
}
