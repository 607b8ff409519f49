import type { CallOutcome } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { ErrorCode, type RequestId } from "@/lib/mcp/relay/protocol";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";

export type RelayOutcome = { outcome: CallOutcome; resultBytes: number; errorMessage: string | null };

export type StopReason = "timeout" | "cancelled";

/** What can be cut short: an upstream request in flight (a ClientRequest, or an adapter). */
export type Abortable = { destroy(error?: Error): unknown };

/**
 * Where an upstream request registers to be destroyed when its call stops:
 * CallControl on the hot path (no AbortController/AbortSignal per call, whose
 * event-target listeners cost more than the destroy they lead to).
 */
export type AbortLink = { readonly aborted: boolean; link(request: Abortable): void };

const abortError = () => Object.assign(new Error("The call stopped"), { name: "AbortError", code: "ABORT_ERR" });

/**
 * The life of one relayed call: a hard deadline from its start (the server's
 * timeout; progress never extends it), the caller going away, and the one
 * place that turns a failure into the caller's error and the usage outcome.
 * On deadline or disconnect the upstream request is aborted and `onStop`
 * tells the upstream (a 2025-era session gets notifications/cancelled; on
 * 2026-07-28 the closed stream is the cancellation).
 */
export class CallControl implements AbortLink {
  private readonly linked: Abortable[] = [];
  private timer: NodeJS.Timeout | null = null;
  private remainingMs: number;
  private startedAt = 0;
  private stopped: StopReason | null = null;
  private settled = false;
  private readonly unwatch: () => void;
  onStop: (reason: StopReason) => void = () => {};

  constructor(
    private readonly reply: CallerReply,
    private readonly slug: string,
    private readonly timeoutMs: number,
  ) {
    this.remainingMs = timeoutMs;
    this.resume();
    this.unwatch = reply.whenGone(() => this.stop("cancelled"));
  }

  get aborted(): boolean {
    return this.stopped !== null;
  }

  /** Destroys `request` when the call stops (at once if it has); forgotten when the call is done. */
  link(request: Abortable): void {
    if (this.stopped) request.destroy(abortError());
    else if (!this.settled) this.linked.push(request);
  }

  get stopReason(): StopReason | null {
    return this.stopped;
  }

  /** While the upstream waits on the caller (a multi round-trip input), the upstream's clock is not running. */
  pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs -= performance.now() - this.startedAt;
  }

  resume(): void {
    if (this.timer || this.settled || this.stopped) return;
    this.startedAt = performance.now();
    this.timer = setTimeout(() => this.stop("timeout"), Math.max(0, this.remainingMs));
    this.timer.unref();
  }

  stop(reason: StopReason): void {
    if (this.stopped || this.settled) return;
    this.stopped = reason;
    this.pause();
    for (const request of this.linked.splice(0)) request.destroy(abortError());
    try {
      this.onStop(reason);
    } catch (error) {
      logger.debug("could not tell the upstream a call stopped", { error });
    }
  }

  /** The call is over (answered, failed or handed to a continuation): no deadline, no cancel. */
  done(): void {
    this.settled = true;
    this.pause();
    this.unwatch();
    this.linked.length = 0;
  }

  /** Answers the caller for a failure (unless it left) and says what to record. */
  fail(error: unknown, id: RequestId): RelayOutcome {
    this.done();
    if (this.stopped === "cancelled" || this.reply.closed) return { outcome: "CANCELLED", resultBytes: 0, errorMessage: "The caller cancelled or went away" };
    if (this.stopped === "timeout") {
      const message = `Upstream "${this.slug}" did not answer within ${this.timeoutMs / 1000} s`;
      this.reply.error(200, id, ErrorCode.UpstreamTimeout, message, { upstream: this.slug, reason: "timeout" });
      return { outcome: "TIMEOUT", resultBytes: 0, errorMessage: message };
    }
    if (error instanceof UpstreamFailure) {
      this.reply.error(200, id, error.code, error.message, { upstream: this.slug, reason: error.reason });
      if (error.detail) logger.info("upstream call failed", { upstream: this.slug, reason: error.reason, detail: error.detail.slice(0, 300) });
      return { outcome: "ERROR", resultBytes: 0, errorMessage: error.message };
    }
    logger.error("relaying a call failed", { upstream: this.slug, error });
    const message = `Upstream "${this.slug}": the gateway failed to relay the call`;
    this.reply.error(200, id, ErrorCode.InternalError, message);
    return { outcome: "ERROR", resultBytes: 0, errorMessage: message };
  }
}

/** What to record for a response the upstream gave. */
export function outcomeOf(message: Record<string, unknown> | null, bytes: number): RelayOutcome {
  const error = message?.error as { message?: unknown } | undefined;
  if (error) return { outcome: "ERROR", resultBytes: 0, errorMessage: String(error.message ?? "error").slice(0, 500) };
  const result = message?.result as { isError?: unknown; resultType?: unknown } | undefined;
  if (result?.resultType === "input_required") return { outcome: "INPUT_REQUIRED", resultBytes: bytes, errorMessage: null };
  return { outcome: result?.isError === true ? "ERROR" : "OK", resultBytes: bytes, errorMessage: null };
}
