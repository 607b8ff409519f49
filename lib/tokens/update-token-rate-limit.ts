import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ownerWhere, type TokenOwner } from "@/lib/tokens/token-owner";
import { tokenSelect, toTokenView, type TokenView } from "@/lib/tokens/token-view";

/** Changes one token's requests-per-minute limit (null: the organization's default). */
export async function updateTokenRateLimit({
  orgId,
  owner,
  tokenId,
  rateLimitPerMinute,
  audit,
}: OrgChange<{ owner: TokenOwner; tokenId: string; rateLimitPerMinute: number | null }>): Promise<TokenView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.serviceToken.findFirst({ where: { id: tokenId, ...ownerWhere(orgId, owner) }, select: tokenSelect });
    if (!before) throw notFound("Token");
    const after = await tx.serviceToken.update({ where: { id: before.id }, data: { rateLimitPerMinute }, select: tokenSelect });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_token.update",
      target: { kind: "service_token", id: tokenId },
      serviceAccountId: "serviceAccountId" in owner ? owner.serviceAccountId : null,
      before: { prefix: before.prefix, rateLimitPerMinute: before.rateLimitPerMinute },
      after: { prefix: after.prefix, rateLimitPerMinute: after.rateLimitPerMinute },
    });
    return toTokenView(after);
  });
}
