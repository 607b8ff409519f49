import { ProtocolError, ProtocolErrorCode, type ServerContext } from "@modelcontextprotocol/server";
import { ProtocolError as ClientProtocolError, type Client } from "@modelcontextprotocol/client";
import { isTransportFailure, publicUpstreamError } from "@/lib/mcp/upstream-error";
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
  let client: Client | undefined;
  try {
    client = await getUpstreamClient(upstream);
    return await work(client, options);
  } catch (error) {
    throw toGatewayError(upstream, error, client, ctx.mcpReq.signal);
  }
}

/**
 * An upstream's JSON-RPC error keeps its code and message; anything else
 * becomes one generic error naming the server. Only a broken connection is
 * dropped, and only if it is still the current one.
 */
export function toGatewayError(upstream: UpstreamConfig, error: unknown, client?: Client, signal?: AbortSignal): ProtocolError {
  if (error instanceof ClientProtocolError) return new ProtocolError(error.code, error.message, error.data);
  if (client && isTransportFailure(error, signal)) void dropUpstreamClient(upstream.id, client);
  return new ProtocolError(ProtocolErrorCode.InternalError, `Upstream "${upstream.slug}": ${publicUpstreamError(error, upstream.timeoutMs)}`);
}
