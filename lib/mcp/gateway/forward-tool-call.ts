import { ProtocolError, ProtocolErrorCode, type ServerContext } from "@modelcontextprotocol/server";
import { ProtocolError as ClientProtocolError } from "@modelcontextprotocol/client";
import type { CallOutcome } from "@/lib/generated/prisma/enums";
import type { EffectiveTool } from "@/lib/mcp/effective-access";
import type { GatewayCaller } from "@/lib/mcp/gateway/build-gateway-server";
import { toGatewayError } from "@/lib/mcp/gateway/call-upstream";
import { isTimeout } from "@/lib/mcp/upstream-error";
import { getUpstreamClient } from "@/lib/mcp/upstream-pool";
import { recordToolCall } from "@/lib/usage/record-tool-call";

type CallRequest = { params: { name: string; arguments?: Record<string, unknown>; _meta?: { progressToken?: string | number } } };

const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));

/**
 * tools/call through the gateway: a tool outside the caller's set gets the
 * same error as a tool that does not exist; an allowed one is forwarded to its
 * upstream under the exposed-to-upstream name, with the server's timeout, the
 * caller's cancellation and progress relayed back; the upstream's result
 * passes through unchanged. Every call is recorded, bodies never.
 */
export async function forwardToolCall({
  caller,
  tools,
  request,
  ctx,
}: {
  caller: GatewayCaller;
  tools: EffectiveTool[];
  request: CallRequest;
  ctx: ServerContext;
}) {
  const started = performance.now();
  const { name, arguments: args } = request.params;
  const tool = tools.find((t) => t.exposedName === name);
  const record = (outcome: CallOutcome, resultBytes = 0, errorMessage: string | null = null) =>
    recordToolCall({
      orgId: caller.orgId,
      serviceAccountId: caller.principal.serviceAccount?.id ?? null,
      tokenId: caller.principal.tokenId,
      userId: null,
      exposedName: name.slice(0, 200),
      serverId: tool?.server.id ?? null,
      outcome,
      durationMs: Math.round(performance.now() - started),
      requestId: caller.requestId,
      argumentBytes: bytes(args),
      resultBytes,
      errorMessage: errorMessage?.slice(0, 500) ?? null,
    });

  if (!tool) {
    record("DENIED");
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`);
  }
  const progressToken = request.params._meta?.progressToken;
  let client: Awaited<ReturnType<typeof getUpstreamClient>> | undefined;
  try {
    client = await getUpstreamClient(tool.server);
    const result = await client.callTool(
      { name: tool.name, arguments: args },
      {
        timeout: tool.server.timeoutMs,
        maxTotalTimeout: tool.server.timeoutMs,
        signal: ctx.mcpReq.signal,
        ...(progressToken !== undefined
          ? {
              onprogress: (progress: { progress: number; total?: number; message?: string }) =>
                void ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, ...progress } }).catch(() => {}),
              resetTimeoutOnProgress: true,
            }
          : {}),
      },
    );
    record(result.isError ? "ERROR" : "OK", bytes(result));
    return result;
  } catch (error) {
    const gatewayError = toGatewayError(tool.server, error, client, ctx.mcpReq.signal);
    record(isTimeout(error) ? "TIMEOUT" : "ERROR", 0, error instanceof ClientProtocolError ? error.message : gatewayError.message);
    throw gatewayError;
  }
}
