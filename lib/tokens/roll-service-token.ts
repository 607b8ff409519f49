import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateServiceToken } from "@/lib/tokens/token-format";
import { MAX_LIFETIME_MS, MIN_LIFETIME_MS } from "@/lib/tokens/token-lifetime";
import { ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import { ROLL_GRACE_PERIODS, type RollGrace } from "@/lib/tokens/contract";
import { tokenSelect, tokenSnapshot, toTokenView } from "@/lib/tokens/token-view";
import type { RolledToken } from "@/lib/tokens/contract";
export type { RolledToken } from "@/lib/tokens/contract";

/**
 * Rolls a token (Stripe's "roll key"): mints its replacement with the same
 * name, lifetime, rate limit and, for an org-wide token, access mode and
 * grants, and lets the old one work until the grace end. The grace end is the
 * old token's new expiresAt (never later than it was), so every verification
 * path, on every instance, stops it on the first request after it: nothing
 * about a token is cached. A revoked, expired or already rolled token cannot
 * be rolled (409).
 */
export async function rollServiceToken({
  orgId,
  owner,
  tokenId,
  grace,
  createdById,
  audit,
  now = new Date(),
}: {
  orgId: string;
  owner: TokenOwner;
  tokenId: string;
  grace: RollGrace;
  createdById: string | null;
  audit: AuditContext;
  now?: Date;
}): Promise<RolledToken> {
  const { token, prefix, hash } = generateServiceToken();
  return db().$transaction(async (tx) => {
    // Locked, so two rolls of one token at once cannot both mint.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "ServiceToken" WHERE id = ${tokenId}::uuid FOR UPDATE`;
    const old = locked.length
      ? await tx.serviceToken.findFirst({ where: { id: tokenId, ...ownerWhere(orgId, owner) }, select: { ...tokenSelect, grants: { select: { resourceType: true, resourceId: true, level: true } } } })
      : null;
    if (!old) throw notFound("Token");
    if (old.revokedAt) throw new AppError("conflict", "A revoked token cannot be rolled; create a new token instead");
    if (old.expiresAt <= now) throw new AppError("conflict", "An expired token cannot be rolled; create a new token instead");
    if (old.rolledTo) throw new AppError("conflict", "This token was rolled already; roll its replacement instead");

    // The same lifetime as the old token had, counted from now (within the bounds a new token may have).
    const lifetime = Math.min(MAX_LIFETIME_MS, Math.max(MIN_LIFETIME_MS, old.expiresAt.getTime() - old.createdAt.getTime()));
    const graceEnd = new Date(Math.min(old.expiresAt.getTime(), now.getTime() + ROLL_GRACE_PERIODS[grace]));

    const row = await tx.serviceToken.create({
      data: {
        orgId,
        serviceAccountId: old.serviceAccountId,
        orgWide: old.orgWide,
        name: old.name,
        prefix,
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + lifetime),
        rateLimitPerMinute: old.rateLimitPerMinute,
        accessMode: old.accessMode,
        rolledFromId: old.id,
        createdById,
        createdAt: now,
      },
      select: tokenSelect,
    });
    if (old.grants.length) {
      await tx.grant.createMany({ data: old.grants.map((g) => ({ orgId, tokenId: row.id, resourceType: g.resourceType, resourceId: g.resourceId, level: g.level })) });
    }
    const previous = await tx.serviceToken.update({ where: { id: old.id }, data: { expiresAt: graceEnd }, select: tokenSelect });

    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_token.create",
      target: { kind: "service_token", id: row.id },
      serviceAccountId: row.serviceAccountId,
      after: { ...tokenSnapshot(row), serviceAccountId: row.serviceAccountId, rolledFromId: old.id, accessMode: row.accessMode, grants: old.grants.length },
    });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_token.roll",
      target: { kind: "service_token", id: old.id },
      serviceAccountId: old.serviceAccountId,
      before: { ...tokenSnapshot(old), serviceAccountId: old.serviceAccountId },
      after: { expiresAt: graceEnd.toISOString(), grace, replacedById: row.id, replacedByPrefix: row.prefix },
    });
    return { ...toTokenView(row, now), token, previous: toTokenView(previous, now) };
  });
}
