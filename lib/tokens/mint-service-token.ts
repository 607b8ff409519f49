import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError } from "@/lib/errors";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateServiceToken } from "@/lib/tokens/token-format";
import { resolveExpiry } from "@/lib/tokens/token-lifetime";
import { assertOwnerExists, type TokenOwner } from "@/lib/tokens/token-owner";
import { applyGrants } from "@/lib/grants/set-grants";
import type { MintTokenInput } from "@/lib/tokens/contract";
import { tokenSelect, tokenSnapshot, toTokenView } from "@/lib/tokens/token-view";
import type { MintedToken } from "@/lib/tokens/contract";
export type { MintedToken } from "@/lib/tokens/contract";

export async function mintServiceToken({
  orgId,
  owner,
  input,
  createdById,
  audit,
  now = new Date(),
}: {
  orgId: string;
  owner: TokenOwner;
  input: MintTokenInput;
  /** The person minting it; null only for tokens minted by tooling (benchmarks, scripts). */
  createdById: string | null;
  audit: AuditContext;
  now?: Date;
}): Promise<MintedToken> {
  const expiry = resolveExpiry(input, now);
  if (!expiry.ok) {
    throw new AppError("validation_failed", `${expiry.field}: ${expiry.message}`, { fields: [{ field: expiry.field, message: expiry.message }] });
  }
  const { token, prefix, hash } = generateServiceToken();
  return forOrg(orgId).$transaction(async (tx) => {
    await assertOwnerExists(tx, orgId, owner);
    const row = await tx.serviceToken.create({
      data: {
        orgId,
        ...("orgWide" in owner ? { orgWide: true } : { serviceAccountId: owner.serviceAccountId }),
        name: input.name,
        prefix,
        tokenHash: hash,
        expiresAt: expiry.expiresAt,
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
        ...("orgWide" in owner && input.accessMode ? { accessMode: input.accessMode } : {}),
        createdById,
      },
      select: tokenSelect,
    });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "service_token.create",
      target: { kind: "service_token", id: row.id },
      serviceAccountId: row.serviceAccountId,
      after: { ...tokenSnapshot(row), serviceAccountId: row.serviceAccountId, ...("orgWide" in owner ? { accessMode: input.accessMode ?? "RESTRICTED" } : {}) },
    });
    const grants = "orgWide" in owner ? (input.grants ?? []).filter((g) => g.level !== "NONE") : [];
    if (grants.length) await applyGrants(tx, { orgId, grantee: { tokenId: row.id }, entries: grants, audit });
    return { ...toTokenView(row, now), token };
  });
}
