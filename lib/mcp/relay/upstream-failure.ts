import { ErrorCode } from "@/lib/mcp/relay/protocol";

export type UpstreamFailureReason = "unreachable" | "blocked" | "timeout" | "not_mcp" | "closed" | "http" | "cancelled";

/**
 * Why talking to an upstream failed, in words a bot can act on. The message
 * names the upstream and the kind of failure, never header values or
 * transport internals (those stay in the log and the server's last error).
 */
export class UpstreamFailure extends Error {
  override name = "UpstreamFailure";
  constructor(
    readonly reason: UpstreamFailureReason,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }

  get code(): number {
    return {
      unreachable: ErrorCode.UpstreamUnreachable,
      blocked: ErrorCode.UpstreamBlocked,
      timeout: ErrorCode.UpstreamTimeout,
      not_mcp: ErrorCode.UpstreamNotMcp,
      closed: ErrorCode.UpstreamClosed,
      http: ErrorCode.UpstreamHttpError,
      cancelled: ErrorCode.UpstreamClosed,
    }[this.reason];
  }
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "ECONNRESET", "EPIPE"]);

/** A socket-level error while connecting or sending, as a failure naming the upstream. */
export function connectFailure(slug: string, error: unknown): UpstreamFailure {
  const code = (error as { code?: string })?.code;
  if ((error as Error)?.name === "BlockedAddressError") {
    // Which setting decides, as a catalog sync says it (the address itself stays in the detail, for the log).
    const verdict = (error as { verdict?: string }).verdict;
    const why =
      verdict === "never"
        ? "its address is link-local or cloud metadata, which upstreams may never use"
        : "its address is loopback or private; an operator can allow its network in UPSTREAM_ALLOWED_NETWORKS";
    return new UpstreamFailure("blocked", `Upstream "${slug}": ${why}`, (error as Error).message);
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new UpstreamFailure("unreachable", `Upstream "${slug}" is unreachable: its host name does not resolve`, code);
  if (code === "ECONNREFUSED") return new UpstreamFailure("unreachable", `Upstream "${slug}" is unreachable: it refused the connection`, code);
  if (code && UNREACHABLE.has(code)) return new UpstreamFailure("unreachable", `Upstream "${slug}" is unreachable (${code})`, code);
  return new UpstreamFailure("unreachable", `Upstream "${slug}" is unreachable`, error instanceof Error ? error.message : String(error));
}
