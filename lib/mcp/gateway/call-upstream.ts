import { ProtocolError, ProtocolErrorCode, type ServerContext } from "@modelcontextprotocol/server";
import { ProtocolError as ClientProtocolError, type Client } from "@modelcontextprotocol/client";
import { describeUpstreamError } from "@/lib/mcp/upstream-error";
import { dropUpstreamClient, getUpstreamClient, type UpstreamConfig } from "@/lib/mcp/upstream-pool";

type CallOptions = { timeout: number; signal?: AbortSignal; maxTotalTimeout: number };

/**
 * Runs one request against an upstream with its timeout and the caller's
 * cancellation. An upstream JSON-RPC error passes through with its code; a
 * transport failure (down, garbage, timeout) becomes one clear error naming
 * the server, and the broken connection is dropped so the next call reconnects.
 */
export async function callUpstream<T>(upstream: UpstreamConfig, work: (client: Client, options: CallOptions) => Promise<T>, ctx: ServerContext): Promise<T> {
  const options = { timeout: upstream.timeoutMs, maxTotalTimeout: upstream.timeoutMs, signal: ctx.mcpReq.signal };
  try {
    return await work(await getUpstreamClient(upstream), options);
  } catch (error) {
    throw toGatewayError(upstream, error);
  }
}

export function toGatewayError(upstream: UpstreamConfig, error: unknown): ProtocolError {
  if (error instanceof ClientProtocolError) return new ProtocolError(error.code, error.message, error.data);
  dropUpstreamClient(upstream.id);
  return new ProtocolError(ProtocolErrorCode.InternalError, `Upstream "${upstream.slug}": ${describeUpstreamError(error, upstream.timeoutMs)}`);
}
