import { answerKind, parseUpstreamMessage, readBody, sseEvents } from "@/lib/mcp/relay/read-upstream-answer";
import type { UpstreamAnswer } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import type { JsonObject, RequestId } from "@/lib/mcp/relay/protocol";

/** Where the messages of one upstream answer go, in the order the upstream sent them. */
export type AnswerSink = {
  /** A notification for this request (progress, a log message…). */
  notification(raw: string, message: JsonObject): void;
  /** A server→client request (2025 era: sampling, elicitation, roots). */
  serverRequest(raw: string, message: JsonObject): void;
  /** The response to the relayed request; `raw` is exactly what the upstream sent. */
  final(raw: string, message: JsonObject | null, bytes: number): void;
};

// Past this size a JSON answer is passed on without being parsed whole: the
// relay only needs to know whether it is an error, and finds that cheaply.
const PARSE_LIMIT = 256 * 1024;

/**
 * Reads one upstream answer to the request with id `expectedId` (a JSON body
 * or an SSE stream) and hands every message to the sink as it arrives. SSE
 * events are parsed to be classified, and passed on as the upstream wrote
 * them. Resolves once the response arrived (the rest of the stream is
 * dropped); fails at once with "closed mid-stream" if the stream ends or
 * breaks before it.
 */
export async function pumpUpstreamAnswer({
  slug,
  answer,
  expectedId,
  sink,
  resume,
}: {
  slug: string;
  answer: UpstreamAnswer;
  expectedId: RequestId;
  sink: AnswerSink;
  /**
   * A 2025-era upstream may close an SSE answer before its result on purpose
   * (SSE polling, SEP-1699), having given an event id to resume from; with
   * this the relay reconnects (GET with Last-Event-ID) and reads on, so the
   * caller never sees the gap.
   */
  resume?: (lastEventId: string) => Promise<UpstreamAnswer>;
}): Promise<void> {
  const kind = answerKind(answer);
  if (kind === "json") {
    const body = await readBody(slug, answer.body);
    const raw = body.toString("utf8");
    sink.final(raw, body.length <= PARSE_LIMIT ? parseUpstreamMessage(slug, raw) : summarizeLargeAnswer(slug, raw), body.length);
    return;
  }
  if (kind !== "sse") {
    answer.body.resume();
    throw new UpstreamFailure("not_mcp", `Upstream "${slug}" answered something that is not MCP (content type ${String(answer.headers["content-type"] ?? "none")})`);
  }
  let lastEventId: string | null = null;
  let retryMs = 0;
  for (let resumed = 0; ; resumed++) {
    for await (const event of sseEvents(slug, answer.body)) {
      if (event.id) lastEventId = event.id;
      if (event.retry !== undefined) retryMs = Math.min(event.retry, 5000);
      if (!event.data) continue;
      const message = parseUpstreamMessage(slug, event.data);
      if (typeof message.method === "string") {
        if (message.id === undefined || message.id === null) sink.notification(event.data, message);
        else sink.serverRequest(event.data, message);
        continue;
      }
      if (message.id === expectedId && ("result" in message || "error" in message)) {
        sink.final(event.data, message, Buffer.byteLength(event.data));
        answer.body.destroy();
        return;
      }
    }
    if (!resume || !lastEventId || resumed >= 10) break;
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    answer = await resume(lastEventId);
    if (answer.status !== 200 || answerKind(answer) !== "sse") {
      answer.body.resume();
      break;
    }
  }
  throw new UpstreamFailure("closed", `Upstream "${slug}" closed the stream before it answered`);
}

/**
 * For an answer too large to parse on the hot path: a structural scan that
 * finds whether the top-level object has "error" or "result", and whether the
 * result says isError, without building the object.
 */
function summarizeLargeAnswer(slug: string, raw: string): JsonObject {
  const head = raw.slice(0, 512);
  if (!/^\s*\{/.test(head) || !raw.includes('"jsonrpc"')) throw new UpstreamFailure("not_mcp", `Upstream "${slug}" answered something that is not MCP (not JSON)`);
  const error = /"error"\s*:\s*\{/.exec(raw);
  const result = /"result"\s*:/.exec(raw);
  if (error && (!result || error.index < result.index)) return { jsonrpc: "2.0", error: { code: 0, message: "(large error)" } };
  const tail = raw.slice(-4096);
  return { jsonrpc: "2.0", result: { isError: /"isError"\s*:\s*true/.test(tail) || /"isError"\s*:\s*true/.test(head) } };
}
