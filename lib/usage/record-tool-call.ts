import { pools, prepared } from "@/lib/db/pools";
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
const BATCH = 1000;
/**
 * Records kept while the database is away. Past this, the oldest are dropped
 * first (counted and logged): the newest calls are the ones an admin looks
 * at first, and the buffer must not grow without bound during a long outage.
 */
export const bufferLimit = () => Number(process.env.USAGE_BUFFER_LIMIT || 100_000);
const MAX_BACKOFF_MS = 30_000;

type State = { queue: ToolCallRecord[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null; failures: number; dropped: number };
const globalForUsage = globalThis as unknown as { controlRoomUsage?: State };
const state = (globalForUsage.controlRoomUsage ??= { queue: [], timer: null, flushing: null, failures: 0, dropped: 0 });

/** What the usage buffer holds now, and how many records it had to drop since the start (for metrics and the log). */
export function usageBufferStats() {
  return { queued: state.queue.length, dropped: state.dropped, failures: state.failures };
}

/**
 * Queues one tools/call record. Records are written in batches, off the
 * request's critical path: at most a second late, or at once when 200 wait.
 * A batch that cannot be written goes back to the front of the queue and is
 * retried with back-off (1 s, 2 s, 4 s … 30 s), so a database restart or
 * outage loses nothing unless the buffer overflows.
 */
export function recordToolCall(record: ToolCallRecord): void {
  state.queue.push(record);
  const limit = bufferLimit();
  if (state.queue.length > limit) {
    const excess = state.queue.length - limit;
    state.queue.splice(0, excess);
    state.dropped += excess;
    logger.error("usage buffer full: dropped the oldest tool-call records", { dropped: excess, droppedSinceStart: state.dropped, limit });
  }
  if (state.queue.length >= FLUSH_AT && !state.failures) void flushToolCalls();
  else schedule(FLUSH_EVERY_MS);
}

function schedule(delayMs: number) {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void flushToolCalls();
  }, delayMs);
  state.timer.unref();
}

/** Writes whatever is queued now (tests and shutdown call this directly); resolves once it was written or put back. */
export function flushToolCalls(): Promise<void> {
  state.flushing ??= drain().finally(() => (state.flushing = null));
  return state.flushing;
}

/** At shutdown: keep trying until everything queued is written or the deadline passes; how many records are left. */
export async function flushToolCallsUntil(deadline: number): Promise<number> {
  while (state.queue.length && Date.now() < deadline) {
    await flushToolCalls();
    if (state.queue.length) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, deadline - Date.now()))));
  }
  return state.queue.length;
}

async function drain(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  while (state.queue.length) {
    const batch = state.queue.splice(0, BATCH);
    try {
      await writeToolCalls(batch);
      if (state.failures) logger.info("tool-call records are written again", { afterFailures: state.failures });
      state.failures = 0;
    } catch (error) {
      // Back to the front, in order; the next try waits longer each time.
      state.queue.unshift(...batch);
      state.failures++;
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (state.failures - 1));
      logger.warn("could not write tool-call records; will retry", { queued: state.queue.length, retryInMs: backoff, error: (error as Error).message });
      schedule(backoff);
      return;
    }
  }
}

// One prepared INSERT … SELECT FROM unnest(arrays) per batch, on the data
// plane's pool: a 200-row batch costs ~3 ms of CPU this way, against ~75 ms
// through the ORM's createMany (its query planning runs per call), which at
// a thousand calls a second would take a third of a core.
const INSERT = {
  name: "cr_insert_tool_calls_v1",
  text: `INSERT INTO "ToolCall" (id, "orgId", "serviceAccountId", "tokenId", "userId", "exposedName", "serverId", outcome, "durationMs", "requestId", "argumentBytes", "resultBytes", "errorMessage")
    SELECT gen_random_uuid(), t.* FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::"CallOutcome"[], $8::int[], $9::text[], $10::int[], $11::int[], $12::text[]) AS t`,
};

async function writeToolCalls(batch: ToolCallRecord[]): Promise<void> {
  const column = <K extends keyof ToolCallRecord>(key: K) => batch.map((record) => record[key]);
  await pools().dataPlane.query({
    ...prepared(INSERT),
    values: [
      column("orgId"),
      column("serviceAccountId"),
      column("tokenId"),
      column("userId"),
      column("exposedName"),
      column("serverId"),
      column("outcome"),
      column("durationMs"),
      column("requestId"),
      column("argumentBytes"),
      column("resultBytes"),
      column("errorMessage"),
    ],
  });
}
