import { ProtocolError, SdkError } from "@modelcontextprotocol/client";
import { BlockedAddressError } from "@/lib/mcp/pinned-fetch";

/** One readable sentence for what went wrong talking to an upstream. Never includes header values. */
export function describeUpstreamError(error: unknown, timeoutMs: number): string {
  if (error instanceof BlockedAddressError) return error.message;
  if (error instanceof SdkError && String(error.code) === "REQUEST_TIMEOUT") return `The upstream did not answer within ${timeoutMs / 1000} s`;
  if (error instanceof ProtocolError) return `The upstream answered with an error: ${error.message}`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === "ECONNREFUSED") return "The upstream refused the connection (is it running?)";
  if (cause?.code === "ENOTFOUND") return "The upstream's host name does not resolve";
  if (cause instanceof BlockedAddressError) return cause.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not talk to the upstream: ${message.slice(0, 300)}`;
}

function isTimeout(error: unknown): boolean {
  return error instanceof SdkError && String(error.code) === "REQUEST_TIMEOUT";
}

/** A broken connection (not an upstream error answer, a timeout or the caller going away): worth reconnecting. */
export function isTransportFailure(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted || (error as { name?: string })?.name === "AbortError") return false;
  return !(error instanceof ProtocolError) && !isTimeout(error);
}
