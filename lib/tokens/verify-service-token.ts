import { db } from "@/lib/db/prisma";
import type { TokenPrincipal } from "@/lib/auth/principal";
import type { AccessMode, ServiceAccountStatus } from "@/lib/generated/prisma/enums";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";

export type TokenVerification =
  | { status: "VALID"; principal: TokenPrincipal }
  | { status: "MALFORMED" }
  | { status: "NOT_FOUND" }
  | { status: "EXPIRED" }
  | { status: "REVOKED" }
  | { status: "DISABLED" };

type TokenRow = {
  id: string;
  orgId: string;
  orgSlug: string;
  prefix: string;
  orgWide: boolean;
  expiresAt: Date;
  revokedAt: Date | null;
  accountId: string | null;
  accountName: string | null;
  accountStatus: ServiceAccountStatus | null;
  accessMode: AccessMode | null;
  tokenAccessMode: AccessMode;
};

/**
 * Checks a presented token: shape and checksum first (no database query for
 * garbage), then one indexed lookup by SHA-256. Nothing is cached, so
 * revocation and disabling take effect on the very next request, everywhere.
 * `now` is injectable so tests can stand one second either side of expiry.
 * It runs on every bot request, hence one hand-written query (one round trip)
 * rather than the ORM's relation loading.
 */
export async function verifyServiceToken({ token, now = new Date() }: { token: string; now?: Date }): Promise<TokenVerification> {
  if (!isWellFormedToken(token)) return { status: "MALFORMED" };
  const [row] = await db().$queryRaw<TokenRow[]>`
    SELECT t.id::text, t."orgId"::text AS "orgId", o.slug AS "orgSlug", t.prefix, t."orgWide", t."expiresAt", t."revokedAt",
           a.id::text AS "accountId", a.name AS "accountName", a.status::text AS "accountStatus", a."accessMode"::text AS "accessMode",
           t."accessMode"::text AS "tokenAccessMode"
    FROM "ServiceToken" t
    JOIN "Organization" o ON o.id = t."orgId"
    LEFT JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  if (!row) return { status: "NOT_FOUND" };
  if (row.revokedAt) return { status: "REVOKED" };
  // A token of a deleted account is revoked with it; this guards the impossible case.
  if (!row.orgWide && !row.accountId) return { status: "REVOKED" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "EXPIRED" };
  if (row.accountStatus === "DISABLED") return { status: "DISABLED" };
  return {
    status: "VALID",
    principal: {
      kind: "token",
      tokenId: row.id,
      tokenPrefix: row.prefix,
      orgId: row.orgId,
      orgSlug: row.orgSlug,
      serviceAccount: row.accountId ? { id: row.accountId, name: row.accountName!, accessMode: row.accessMode! } : null,
      accessMode: row.accountId ? row.accessMode! : row.tokenAccessMode,
    },
  };
}
