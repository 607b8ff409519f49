import { expiringBefore } from "@/lib/token-expiry";
import type { TokenView } from "@/lib/tokens/contract";
export type { TokenView } from "@/lib/tokens/contract";

const person = { select: { id: true, name: true, email: true } } as const;

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  orgWide: true,
  serviceAccountId: true,
  expiresAt: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  rateLimitPerMinute: true,
  accessMode: true,
  createdBy: person,
  revokedBy: person,
  serviceAccount: { select: { status: true } },
  rolledFromId: true,
  rolledTo: { select: { id: true } },
} as const;

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  orgWide: boolean;
  serviceAccountId: string | null;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  rateLimitPerMinute: number | null;
  accessMode: "RESTRICTED" | "FULL_ACCESS";
  createdBy: { id: string; name: string; email: string } | null;
  revokedBy: { id: string; name: string; email: string } | null;
  serviceAccount: { status: "ACTIVE" | "DISABLED" } | null;
  rolledFromId: string | null;
  rolledTo: { id: string } | null;
};

export function toTokenView(row: TokenRow, now = new Date()): TokenView {
  const status = row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : row.serviceAccount?.status === "DISABLED" ? "suspended" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    orgWide: row.orgWide,
    serviceAccountId: row.serviceAccountId,
    status,
    expiringSoon: (status === "active" || status === "suspended") && row.expiresAt <= expiringBefore(now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    rateLimitPerMinute: row.rateLimitPerMinute,
    accessMode: row.accessMode,
    rolledFromId: row.rolledFromId,
    replacedById: row.rolledTo?.id ?? null,
  };
}

/** The audit snapshot of a token: its prefix and settings, never the token. */
export const tokenSnapshot = (t: { name: string; prefix: string; expiresAt: Date; orgWide: boolean; rateLimitPerMinute: number | null }) => ({
  name: t.name,
  prefix: t.prefix,
  expiresAt: t.expiresAt.toISOString(),
  orgWide: t.orgWide,
  rateLimitPerMinute: t.rateLimitPerMinute,
});
