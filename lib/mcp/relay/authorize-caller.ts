import { decideTokenAccess, type TokenAuthentication } from "@/lib/auth/authenticate-token";
import type { TokenPrincipal } from "@/lib/principal";
import { pools, prepared } from "@/lib/db/pools";
import { logger } from "@/lib/logger";
import { STATEMENTS, type StatementVariant } from "@/lib/mcp/relay/caller-statements";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { invalidTokenKey, tokenVerificationOf, type TokenRow } from "@/lib/tokens/verify-service-token";
import { hashToken } from "@/lib/tokens/token-format";
import { NO_SLOTS, planSlots, releaseSlots, settleSlots } from "@/lib/rate-limit/token-slot-leases";
import type { JsonObject } from "@/lib/mcp/relay/protocol";

/** A 2025-era caller's gateway session, as stored. */
export type GatewaySessionView = {
  id: string;
  protocolVersion: string;
  clientCapabilities: JsonObject;
  clientInfo: JsonObject | null;
  logLevel: string | null;
};

/** An upstream session the gateway holds for this caller on one server. */
export type UpstreamSessionRef = { session: string; version: string; logLevel: string | null };

export type AuthorizedCaller = {
  principal: TokenPrincipal;
  /** Whose upstream sessions these are: "gs:<gateway session>" or "tk:<token>:<capabilities digest>". */
  scopeKey: string;
  session: GatewaySessionView | null;
  upstreamSessions: Record<string, UpstreamSessionRef>;
  /** tools/call: the tool, if it exists on an enabled server and this caller may call it. */
  tool?: { name: string; server: UpstreamServer } | null;
  /** prompts/get, resources/read, completion: the servers whose prompts and resources it may use. */
  servers?: UpstreamServer[];
};

export type CallerAuthorization =
  | { kind: "ok"; caller: AuthorizedCaller }
  | Exclude<TokenAuthentication, { kind: "ok" }>
  /** An Mcp-Session-Id that is unknown, closed, or another token's. */
  | { kind: "session_not_found" }
  /** The data plane's pool is saturated or the database is away: shed with 503. */
  | { kind: "unavailable"; retryAfterSeconds: number };

type Row = Omit<TokenRow, "expiresAt" | "revokedAt" | "slot"> & {
  /** `taken`: how many slots the statement took (0 when refused; more than one: a lease for the next calls). */
  slot: (NonNullable<TokenRow["slot"]> & { taken: number }) | null;
  expiresAtMs: number | null;
  revoked: boolean | null;
  sessionRequested: boolean;
  sessionId: string | null;
  sessionVersion: string | null;
  sessionCapabilities: JsonObject | null;
  sessionClientInfo: JsonObject | null;
  sessionLogLevel: string | null;
  scopeKey: string | null;
  upstreamSessions: Record<string, UpstreamSessionRef> | null;
  toolName?: string | null;
  server?: UpstreamServer | null;
  allowed?: boolean;
  servers?: UpstreamServer[];
};

/**
 * Requests waiting for a data-plane connection beyond this many per connection
 * (and never fewer than MIN_WAITING, so a one-connection embedded database
 * still queues a bot's handful of parallel calls) are shed, not queued for
 * seconds: one statement takes well under a millisecond, so a full queue is
 * tens of milliseconds of work.
 */
const MAX_WAITING_PER_CONNECTION = 16;
const MIN_WAITING = 64;

/**
 * The MCP endpoint's one round trip: who is calling and what it may do, for
 * this request only (see caller-statements.ts). The verdicts are those of
 * every other token route (decideTokenAccess); the same 401 for every
 * unusable token.
 */
export async function authorizeCaller({
  variant,
  token,
  ip,
  requestId,
  userAgent,
  orgSlug,
  sessionIdHash,
  capabilitiesDigest,
  toolName,
}: {
  variant: StatementVariant;
  token: string;
  ip: string | null;
  requestId: string;
  userAgent: string | null;
  orgSlug: string;
  sessionIdHash: string | null;
  capabilitiesDigest: string;
  toolName?: string;
}): Promise<CallerAuthorization> {
  const pool = pools().dataPlane;
  if (pool.waitingCount > Math.max(MIN_WAITING, MAX_WAITING_PER_CONNECTION * (pool.options.max ?? 1))) return { kind: "unavailable", retryAfterSeconds: 1 };
  const statement = STATEMENTS[variant];
  const tokenHash = hashToken(token);
  // The limiter is PostgreSQL unless Redis is configured (then guardTokenRequest asks Redis).
  // Read per call, like REDIS_URL everywhere: lib/env.ts validates both at start.
  const slots = process.env.REDIS_URL ? NO_SLOTS : planSlots(tokenHash, { leasing: process.env.RATE_LIMIT_LEASES !== "off" });
  const values: unknown[] = [tokenHash, ip ? invalidTokenKey(ip) : "", ip, slots.take, sessionIdHash, capabilitiesDigest];
  if (variant === "tool") values.push(toolName ?? "");
  let row: Row;
  try {
    ({ rows: [{ caller: row }] } = await pool.query<{ caller: Row }>({ ...prepared(statement), values }));
  } catch (error) {
    releaseSlots(tokenHash, slots);
    logger.error("the MCP endpoint could not read from the database", { requestId, error });
    return { kind: "unavailable", retryAfterSeconds: 5 };
  }
  // A slot this instance leased earlier stands for the one the statement did not take.
  if (settleSlots(tokenHash, slots, { limit: row.rateLimitPerMinute, taken: row.slot?.taken ?? 0 })) {
    row.slot = { allowed: true, retry_after_ms: 0, ahead_ms: 0, taken: 0 };
  }
  const verification = tokenVerificationOf({ ...row, expiresAt: new Date(row.expiresAtMs ?? 0), revokedAt: row.revoked ? new Date(0) : null });
  const access = await decideTokenAccess({ verification, ip, requestId, userAgent, orgSlug });
  if (access.kind !== "ok") return access;
  if (row.sessionRequested && !row.sessionId) return { kind: "session_not_found" };
  return {
    kind: "ok",
    caller: {
      principal: access.principal,
      scopeKey: row.scopeKey!,
      session: row.sessionId
        ? {
            id: row.sessionId,
            protocolVersion: row.sessionVersion!,
            clientCapabilities: row.sessionCapabilities ?? {},
            clientInfo: row.sessionClientInfo,
            logLevel: row.sessionLogLevel,
          }
        : null,
      upstreamSessions: row.upstreamSessions ?? {},
      ...(variant === "tool" ? { tool: row.toolName && row.server && row.allowed ? { name: row.toolName, server: row.server } : null } : {}),
      ...(variant === "servers" ? { servers: row.servers ?? [] } : {}),
    },
  };
}
