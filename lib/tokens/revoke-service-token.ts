import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import { tokenSnapshot } from "@/lib/tokens/token-view";

/**
 * Revokes one token: it fails from the very next request. The account's other
 * tokens are untouched. Revoking a revoked token changes nothing.
 */
export async function revokeServiceToken({
  orgId,
  owner,
  tokenId,
  actorUserId,
  audit,
}: OrgChange<{ owner: TokenOwner; tokenId: string; actorUserId: string }>): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const token = await tx.serviceToken.findFirst({
      where: { id: tokenId, ...ownerWhere(orgId, owner) },
      select: { id: true, name: true, prefix: true, expiresAt: true, orgWide: true, rateLimitPerMinute: true, revokedAt: true, serviceAccountId: true },
    });
    if (!token) throw notFound("Token");
    if (token.revokedAt) return;
    await tx.serviceToken.update({ where: { id: token.id }, data: { revokedAt: new Date(), revokedById: actorUserId } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_token.revoke",
      target: { kind: "service_token", id: token.id },
      serviceAccountId: token.serviceAccountId,
      before: { ...tokenSnapshot(token), serviceAccountId: token.serviceAccountId, status: "active" },
      after: { status: "revoked" },
    });
  });
}
