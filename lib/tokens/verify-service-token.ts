import { db } from "@/lib/db/prisma";
import type { TokenPrincipal } from "@/lib/auth/principal";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";

export type TokenVerification =
  | { status: "VALID"; principal: TokenPrincipal }
  | { status: "MALFORMED" }
  | { status: "NOT_FOUND" }
  | { status: "EXPIRED" }
  | { status: "REVOKED" }
  | { status: "DISABLED" };

/**
 * Checks a presented token: shape and checksum first (no database query for
 * garbage), then one indexed lookup by SHA-256. Nothing is cached, so
 * revocation and disabling take effect on the very next request, everywhere.
 * `now` is injectable so tests can stand one second either side of expiry.
 */
export async function verifyServiceToken({ token, now = new Date() }: { token: string; now?: Date }): Promise<TokenVerification> {
  if (!isWellFormedToken(token)) return { status: "MALFORMED" };
  const row = await db().serviceToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      orgId: true,
      prefix: true,
      orgWide: true,
      expiresAt: true,
      revokedAt: true,
      serviceAccount: { select: { id: true, name: true, status: true, accessMode: true } },
    },
  });
  if (!row) return { status: "NOT_FOUND" };
  if (row.revokedAt) return { status: "REVOKED" };
  // A token of a deleted account is revoked with it; this guards the impossible case.
  if (!row.orgWide && !row.serviceAccount) return { status: "REVOKED" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "EXPIRED" };
  if (row.serviceAccount?.status === "DISABLED") return { status: "DISABLED" };
  const account = row.serviceAccount;
  return {
    status: "VALID",
    principal: {
      kind: "token",
      tokenId: row.id,
      tokenPrefix: row.prefix,
      orgId: row.orgId,
      serviceAccount: account ? { id: account.id, name: account.name, accessMode: account.accessMode } : null,
    },
  };
}
