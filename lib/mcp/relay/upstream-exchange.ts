import { randomUUID } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { answerKind, parseUpstreamMessage, readBody, sseEvents } from "@/lib/mcp/relay/read-upstream-answer";
import { sendToUpstream, type UpstreamAnswer } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import type { JsonObject } from "@/lib/mcp/relay/protocol";

export type ExchangeResult = { message: JsonObject; answer: UpstreamAnswer };

/**
 * One request the gateway itself sends an upstream (initialize, setLevel,
 * subscribe…), answered by one JSON-RPC response, within the server's timeout.
 * Server→client requests and notifications on the answer's stream are skipped:
 * none belong to a request nobody is waiting on.
 */
export async function exchangeWithUpstream({
  server,
  headers,
  method,
  params,
  timeoutMs = server.timeoutMs,
}: {
  server: UpstreamServer;
  headers: OutgoingHttpHeaders;
  method: string;
  params?: JsonObject;
  timeoutMs?: number;
}): Promise<ExchangeResult> {
  const id = `cr-${randomUUID()}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const answer = await sendToUpstream({ server, method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id, method, ...(params ? { params } : {}) }), signal });
    const kind = answerKind(answer);
    if (kind === "json") return { message: parseUpstreamMessage(server.slug, (await readBody(server.slug, answer.body)).toString("utf8")), answer };
    if (kind === "sse") {
      for await (const event of sseEvents(server.slug, answer.body)) {
        if (!event.data) continue;
        const message = parseUpstreamMessage(server.slug, event.data);
        if (message.id === id && ("result" in message || "error" in message)) {
          answer.body.destroy();
          return { message, answer };
        }
      }
      throw new UpstreamFailure("closed", `Upstream "${server.slug}" closed the stream before it answered ${method}`);
    }
    answer.body.resume();
    throw new UpstreamFailure(answer.status >= 400 ? "http" : "not_mcp", `Upstream "${server.slug}" answered ${method} with HTTP ${answer.status}`);
  } catch (error) {
    if (signal.aborted && !(error instanceof UpstreamFailure)) {
      throw new UpstreamFailure("timeout", `Upstream "${server.slug}" did not answer ${method} within ${timeoutMs / 1000} s`);
    }
    throw error;
  }
}

/** A notification to an upstream (initialized, cancelled): fire, check the status, never wait long. */
export async function notifyUpstream({ server, headers, method, params }: { server: UpstreamServer; headers: OutgoingHttpHeaders; method: string; params?: JsonObject }): Promise<void> {
  const answer = await sendToUpstream({
    server,
    method: "POST",
    headers,
    body: JSON.stringify({ jsonrpc: "2.0", method, ...(params ? { params } : {}) }),
    signal: AbortSignal.timeout(Math.min(server.timeoutMs, 10_000)),
  });
  answer.body.resume();
}
