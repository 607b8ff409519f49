import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deleteExpiredTokens } from "@/lib/tokens/delete-expired-tokens";

/** One round of the expired-token cleanup with the configured retention. */
export async function runTokenCleanup(): Promise<void> {
  const retentionDays = env().EXPIRED_TOKEN_RETENTION_DAYS;
  const result = await deleteExpiredTokens({ retentionDays });
  if (!result.ran) logger.info("token cleanup skipped: another instance holds the lock");
  else if (result.deleted) logger.info("token cleanup deleted expired tokens", { deleted: result.deleted, retentionDays });
}

/**
 * Runs the cleanup now and then every TOKEN_CLEANUP_INTERVAL_MINUTES inside
 * the server process. The timer does not keep the process alive.
 */
export function scheduleTokenCleanup(): () => void {
  const tick = () => void runTokenCleanup().catch((error) => logger.error("token cleanup failed", { error }));
  tick();
  const timer = setInterval(tick, env().TOKEN_CLEANUP_INTERVAL_MINUTES * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
