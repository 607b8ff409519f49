import { db } from "@/lib/db/prisma";
import type { CallOutcome } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

export type ToolCallRecord = {
  orgId: string;
  serviceAccountId: string | null;
  tokenId: string | null;
  userId: string | null;
  exposedName: string;
  serverId: string | null;
  outcome: CallOutcome;
  durationMs: number;
  requestId: string | null;
  argumentBytes: number;
  resultBytes: number;
  errorMessage: string | null;
};

const FLUSH_EVERY_MS = 1000;
const FLUSH_AT = 200;

const globalForUsage = globalThis as unknown as { controlRoomUsage?: { queue: ToolCallRecord[]; timer: NodeJS.Timeout | null } };
const state = (globalForUsage.controlRoomUsage ??= { queue: [], timer: null });

/**
 * Queues one tools/call record. Records are written in batches, off the
 * request's critical path: at most a second late, or at once when 200 wait.
 */
export function recordToolCall(record: ToolCallRecord): void {
  state.queue.push(record);
  if (state.queue.length >= FLUSH_AT) void flushToolCalls();
  else if (!state.timer) {
    state.timer = setTimeout(() => void flushToolCalls(), FLUSH_EVERY_MS);
    state.timer.unref();
  }
}

/** Writes whatever is queued now (tests and shutdown call this directly). */
export async function flushToolCalls(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = state.queue.splice(0, state.queue.length);
  if (!batch.length) return;
  try {
    await db().toolCall.createMany({ data: batch });
  } catch (error) {
    logger.error("could not write tool-call records", { count: batch.length, error });
  }
}
