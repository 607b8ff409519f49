import { db } from "@/lib/db/prisma";
import type { TokenPrincipal } from "@/lib/principal";
import type { AccessMode, ServiceAccountStatus } from "@/lib/generated/prisma/enums";
import type { Allowlist } from "@/lib/principal";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";

export type TokenVerification =
  | { status: "VALID"; principal: TokenPrincipal }
  | { status: "MALFORMED" }
  | { status: "NOT_FOUND" }
  | { status: "EXPIRED" }
  | { status: "REVOKED" }
  | { status: "DISABLED" }
  /** This client address sent too many unusable tokens lately (see INVALID_TOKEN_LIMIT). */
  | { status: "THROTTLED"; retryAfterMs: number };

/** Unusable tokens a client address may present before it must slow down. */
export const INVALID_TOKEN_LIMIT = { limit: 30, windowMs: 60_000 };
export const invalidTokenKey = (ip: string) => `invalid-token:${ip}`;

/** One token's row as the verification query reads it (the MCP relay's statement reads the same columns). */
export type TokenRow = {
  ipAheadMs: number | null;
  id: string | null;
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
  rateLimitPerMinute: number | null;
  allowlist: Allowlist | null;
  slot: { allowed: boolean; retry_after_ms: number; ahead_ms: number } | null;
};

/**
 * Checks a presented token: shape and checksum first (no database query for
 * garbage), then one query by SHA-256 that also brings what every request
 * needs next — the organization, the account, the allowlists of both layers,
 * the rate limit, and how many unusable tokens this client address sent
 * lately. Nothing is cached, so revocation, disabling, allowlist and limit
 * changes take effect on the very next request, everywhere.
 * `now` is injectable so tests can stand one second either side of expiry.
 */
export async function verifyServiceToken({
  token,
  now = new Date(),
  clientIp = null,
  takeRateLimitSlot = false,
}: {
  token: string;
  now?: Date;
  clientIp?: string | null;
  /**
   * Also take the token's rate-limit slot in PostgreSQL in the same round trip
   * (the hot path, when REDIS_URL is not set). A token that then fails
   * verification spent a slot of its own limit, which costs nobody anything.
   */
  takeRateLimitSlot?: boolean;
}): Promise<TokenVerification> {
  if (!isWellFormedToken(token)) return { status: "MALFORMED" };
  const [row] = await db().$queryRaw<TokenRow[]>`
    SELECT
      (SELECT EXTRACT(EPOCH FROM (r.tat - (now() AT TIME ZONE 'UTC')))::float8 * 1000 FROM "RateLimitState" r WHERE r.key = ${clientIp ? invalidTokenKey(clientIp) : ""}) AS "ipAheadMs",
      t.id::text, t."orgId"::text AS "orgId", o.slug AS "orgSlug", t.prefix, t."orgWide", t."expiresAt", t."revokedAt",
      a.id::text AS "accountId", a.name AS "accountName", a.status::text AS "accountStatus", a."accessMode"::text AS "accessMode",
      t."accessMode"::text AS "tokenAccessMode",
      COALESCE(t."rateLimitPerMinute", o."defaultRateLimitPerMinute") AS "rateLimitPerMinute",
      -- Both allowlist layers, matched by PostgreSQL's own inet operators (cidr >>= inet is false
      -- across address families, so 0.0.0.0/0 is IPv4 only and ::/0 IPv6 only, as the rules say).
      (SELECT json_build_object(
          'org', count(*) FILTER (WHERE n."serviceAccountId" IS NULL),
          'orgMatch', COALESCE(bool_or(n."serviceAccountId" IS NULL AND n.cidr::cidr >>= ${clientIp}::inet), false),
          'account', count(*) FILTER (WHERE n."serviceAccountId" IS NOT NULL),
          'accountMatch', COALESCE(bool_or(n."serviceAccountId" IS NOT NULL AND n.cidr::cidr >>= ${clientIp}::inet), false))
         FROM "NetworkRule" n WHERE n."orgId" = t."orgId" AND (n."serviceAccountId" IS NULL OR n."serviceAccountId" = t."serviceAccountId")) AS allowlist,
      CASE WHEN ${takeRateLimitSlot} AND COALESCE(t."rateLimitPerMinute", o."defaultRateLimitPerMinute") IS NOT NULL THEN
        (SELECT row_to_json(c) FROM rate_limit_consume('token:' || t.id::text, 60000.0 / COALESCE(t."rateLimitPerMinute", o."defaultRateLimitPerMinute"), 60000) c)
      END AS slot
    FROM (SELECT 1) one
    LEFT JOIN "ServiceToken" t ON t."tokenHash" = ${hashToken(token)}
    LEFT JOIN "Organization" o ON o.id = t."orgId"
    LEFT JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"`;
  return tokenVerificationOf(row, now);
}

/** The typed outcome of one token row: the rules of verification, in one place for every reader of the row. */
export function tokenVerificationOf(row: TokenRow, now: Date = new Date()): TokenVerification {
  const verdict = verdictOf(row, now);
  if (verdict.status === "VALID") return verdict;
  // Only an unusable token is slowed down by its address's recent bad tokens: a
  // valid one is never refused by this throttle, or anyone sharing a NAT or a
  // proxy with a bot could lock it out by sending 30 bad tokens.
  const { limit, windowMs } = INVALID_TOKEN_LIMIT;
  const waitMs = row.ipAheadMs === null ? 0 : row.ipAheadMs + windowMs / limit - windowMs;
  if (waitMs > 0) return { status: "THROTTLED", retryAfterMs: Math.ceil(waitMs) };
  return verdict;
}

function verdictOf(row: TokenRow, now: Date): Exclude<TokenVerification, { status: "THROTTLED" }> {
  if (!row.id) return { status: "NOT_FOUND" };
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
      policy: {
        allowlist: row.allowlist ?? { org: 0, orgMatch: false, account: 0, accountMatch: false },
        rateLimitPerMinute: row.rateLimitPerMinute,
        slot: row.slot ? { allowed: row.slot.allowed, retryAfterMs: Number(row.slot.retry_after_ms), aheadMs: Number(row.slot.ahead_ms) } : null,
      },
    },
  };
}
