import { randomUUID } from "node:crypto";
import type { CallControl, RelayOutcome } from "@/lib/mcp/relay/call-control";
import { instanceProcessId, instanceUrl } from "@/lib/mcp/relay/instance";
import { waitForInputs } from "@/lib/mcp/relay/pending-inputs";
import { CLIENT_REQUEST_CAPABILITY, ErrorCode, type JsonObject } from "@/lib/mcp/relay/protocol";
import type { RelayContext, RelayRequest } from "@/lib/mcp/relay/relay-context";
import { seal } from "@/lib/mcp/relay/relay-seal";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";

/** Rounds of input one request may ask for before the relay gives up (the SDK's own shim allows 8). */
const MAX_ROUNDS = 8;
/** How long a round may wait for the caller's answers: people answer elicitations, so minutes, not the tool's timeout. */
export const INPUT_WAIT_MS = Number(process.env.MCP_INPUT_WAIT_MS || 10 * 60_000);

/**
 * A 2026-07-28 upstream asked for input (an input_required result) and the
 * caller speaks 2025-11-25: each input request goes to the caller as a
 * server→client request on this request's stream, exactly as a 2025-era
 * server would send it; once the caller answered all of them, the request is
 * retried with the answers and the upstream's requestState. The upstream's
 * clock stands still while the caller answers.
 */
export async function fulfillForLegacyCaller({
  ctx,
  control,
  request,
  server,
  result,
  round,
}: {
  ctx: RelayContext;
  control: CallControl;
  request: RelayRequest;
  server: UpstreamServer;
  result: JsonObject;
  round: number;
}): Promise<RelayOutcome | { retry: JsonObject }> {
  const fail = (message: string, code: number = ErrorCode.InternalError): RelayOutcome => {
    control.done();
    if (request.method === "tools/call") ctx.reply.json(200, JSON.stringify({ jsonrpc: "2.0", id: request.id, result: { content: [{ type: "text", text: message }], isError: true } }));
    else ctx.reply.error(200, request.id, code, message);
    return { outcome: "ERROR", resultBytes: 0, errorMessage: message };
  };
  if (round > MAX_ROUNDS) return fail(`Upstream "${server.slug}" asked for input more than ${MAX_ROUNDS} times; the gateway stopped the request`);
  const inputRequests = (result.inputRequests ?? {}) as Record<string, { method?: unknown; params?: JsonObject }>;
  const requestState = typeof result.requestState === "string" ? result.requestState : undefined;
  const keys = Object.keys(inputRequests);
  for (const key of keys) {
    const method = String(inputRequests[key]?.method ?? "");
    const capability = CLIENT_REQUEST_CAPABILITY[method];
    if (!capability) return fail(`Upstream "${server.slug}" asked the client for "${method}", which is not a request a client serves`);
    if (!ctx.identity.capabilities[capability]) {
      return fail(`Upstream "${server.slug}" needs the client's "${capability}" capability, which this client did not declare`, ErrorCode.MissingRequiredClientCapability);
    }
  }
  if (!keys.length) return { retry: requestState ? { requestState } : {} };

  const tokenId = ctx.caller.principal.tokenId;
  const pending = waitForInputs(tokenId, keys);
  control.pause();
  for (const key of keys) {
    const entry = inputRequests[key];
    const id = seal({ k: "in", f: pending.id, key, i: instanceUrl(), p: instanceProcessId(), t: tokenId });
    let params = entry.params ?? {};
    // 2025-11-25's URL-mode elicitation names itself; 2026-07-28's does not.
    if (entry.method === "elicitation/create" && params.mode === "url" && !params.elicitationId) params = { ...params, elicitationId: randomUUID() };
    ctx.reply.event(JSON.stringify({ jsonrpc: "2.0", id, method: entry.method, params }));
  }
  const answer = await pending.wait(INPUT_WAIT_MS, ctx.reply.gone);
  control.resume();
  if (answer.kind === "gone") return { outcome: "CANCELLED", resultBytes: 0, errorMessage: "The caller went away while the upstream waited for its input" };
  if (answer.kind === "timeout") return fail(`The client did not answer upstream "${server.slug}"'s request for input within ${INPUT_WAIT_MS / 1000} s`);
  if (answer.kind === "failed") {
    const error = answer.error as { code?: number; message?: string };
    return fail(`The client refused upstream "${server.slug}"'s request for input: ${String(error.message ?? "error").slice(0, 300)}`, typeof error.code === "number" ? error.code : ErrorCode.InternalError);
  }
  return { retry: { inputResponses: answer.responses, ...(requestState ? { requestState } : {}) } };
}
