import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { pruneRateLimitState } from "@/lib/rate-limit/prune-rate-limit-state";
import { deleteExpiredTokens, type ExpiredTokenCleanup } from "@/lib/tokens/delete-expired-tokens";

/** One round of housekeeping: expired tokens past their retention, stale rate-limit rows. */
export async function runMaintenance(): Promise<ExpiredTokenCleanup & { retentionDays: number }> {
  const retentionDays = env().EXPIRED_TOKEN_RETENTION_DAYS;
  const result = await deleteExpiredTokens({ retentionDays });
  if (!result.ran) logger.info("token cleanup skipped: another instance holds the lock");
  else if (result.deleted) logger.info("token cleanup deleted expired tokens", { deleted: result.deleted, retentionDays });
  await pruneRateLimitState();
  return { ...result, retentionDays };
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
