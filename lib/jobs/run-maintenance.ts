import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { pruneRateLimitState } from "@/lib/rate-limit/prune-rate-limit-state";
import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";
import { pruneToolCalls } from "@/lib/usage/prune-tool-calls";
import { pruneSessions } from "@/lib/mcp/relay/prune-sessions";
import { pruneIdempotencyKeys } from "@/lib/idempotency/prune-idempotency-keys";
import { pruneUserSessions } from "@/lib/members/prune-user-sessions";
import { deleteExpiredTokens, type ExpiredTokenCleanup } from "@/lib/tokens/delete-expired-tokens";

export type MaintenanceReport = ExpiredTokenCleanup & { retentionDays: number; auditEventsDeleted: number; toolCallsDeleted: number };

/**
 * One round of housekeeping: expired tokens past their retention, audit
 * events and usage records past each organization's retention, stale
 * rate-limit rows. Safe on several instances at once (the token cleanup takes
 * a lock; the prunes delete what is due, whoever gets there first).
 */
export async function runMaintenance(): Promise<MaintenanceReport> {
  const retentionDays = env().EXPIRED_TOKEN_RETENTION_DAYS;
  const result = await deleteExpiredTokens({ retentionDays });
  if (!result.ran) logger.info("token cleanup skipped: another instance holds the lock");
  else if (result.deleted) logger.info("token cleanup deleted expired tokens", { deleted: result.deleted, retentionDays });
  const audit = await pruneAuditEvents();
  if (audit.deleted) logger.info("audit retention removed events", { deleted: audit.deleted });
  const usage = await pruneToolCalls().catch((error: unknown) => {
    logger.error("usage retention failed", { error });
    return { deleted: 0 };
  });
  if (usage.deleted) logger.info("usage retention removed tool-call records", { deleted: usage.deleted });
  await pruneRateLimitState();
  const sessions = await pruneSessions().catch((error: unknown) => {
    logger.error("session cleanup failed", { error });
    return { gatewaySessions: 0, upstreamSessions: 0 };
  });
  if (sessions.gatewaySessions || sessions.upstreamSessions) logger.info("session cleanup removed old MCP sessions", sessions);
  await pruneIdempotencyKeys().catch((error: unknown) => logger.error("idempotency key cleanup failed", { error }));
  await pruneUserSessions().catch((error: unknown) => logger.error("sign-in session cleanup failed", { error }));
  return { ...result, retentionDays, auditEventsDeleted: audit.deleted, toolCallsDeleted: usage.deleted };
}

/**
 * Runs the housekeeping now and then every TOKEN_CLEANUP_INTERVAL_MINUTES
 * inside the server process. The timer does not keep the process alive.
 */
export function scheduleMaintenance(): () => void {
  const tick = () => void runMaintenance().catch((error) => logger.error("maintenance failed", { error }));
  tick();
  const timer = setInterval(tick, env().TOKEN_CLEANUP_INTERVAL_MINUTES * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
