import type { Readable } from "node:stream";
import { SseParser, type SseEvent } from "@/lib/mcp/relay/sse-parser";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import type { UpstreamAnswer } from "@/lib/mcp/relay/send-to-upstream";

/** The largest answer the relay takes from an upstream (one JSON body, or one SSE event). */
export const MAX_UPSTREAM_MESSAGE_BYTES = Number(process.env.MCP_MAX_UPSTREAM_MESSAGE_BYTES || 32 * 1024 * 1024);

export type AnswerKind = "json" | "sse" | "empty" | "other";

export function answerKind(answer: UpstreamAnswer): AnswerKind {
  const type = String(answer.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "text/event-stream") return "sse";
  if (answer.status === 202 || answer.status === 204 || answer.headers["content-length"] === "0") return "empty";
  return "other";
}

/**
 * A whole JSON body, refused past the size bound (memory stays bounded however
 * big the upstream's answer). Read with plain listeners: an async iterator
 * costs a few promises per chunk, and every relayed call reads one body.
 */
export function readBody(slug: string, body: Readable, maxBytes = MAX_UPSTREAM_MESSAGE_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: UpstreamFailure | null) => {
      body.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      settle(new UpstreamFailure("not_mcp", `Upstream "${slug}" answered more than ${Math.round(maxBytes / 1024 / 1024)} MB; the gateway refuses answers that large`));
      body.destroy();
    };
    const onEnd = () => settle(null);
    const onError = (error: Error) => settle(new UpstreamFailure("closed", `Upstream "${slug}" closed the connection before its answer was complete`, error?.message));
    // Closed without "end" (the socket went away, or the call was stopped): incomplete.
    const onClose = () => settle(new UpstreamFailure("closed", `Upstream "${slug}" closed the connection before its answer was complete`, "closed"));
    body.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
  });
}

/** Parses a JSON-RPC message the upstream sent; anything else is "not MCP". */
export function parseUpstreamMessage(slug: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UpstreamFailure("not_mcp", `Upstream "${slug}" answered something that is not MCP (not JSON)`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value) || (value as { jsonrpc?: unknown }).jsonrpc !== "2.0") {
    throw new UpstreamFailure("not_mcp", `Upstream "${slug}" answered something that is not MCP (not a JSON-RPC message)`);
  }
  return value as Record<string, unknown>;
}

/**
 * The events of an SSE answer as they arrive. The stream ending is reported
 * by the caller of this iterator (it knows whether it still expected an
 * answer); a socket error mid-stream is "closed mid-stream", at once.
 */
export async function* sseEvents(slug: string, body: Readable, maxEventBytes = MAX_UPSTREAM_MESSAGE_BYTES): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  try {
    for await (const chunk of body) {
      for (const event of parser.push(chunk as Buffer)) yield event;
      if (parser.pendingBytes > maxEventBytes) {
        body.destroy();
        throw new UpstreamFailure("not_mcp", `Upstream "${slug}" sent an event of more than ${Math.round(maxEventBytes / 1024 / 1024)} MB; the gateway refuses events that large`);
      }
    }
    for (const event of parser.end()) yield event;
  } catch (error) {
    if (error instanceof UpstreamFailure) throw error;
    throw new UpstreamFailure("closed", `Upstream "${slug}" closed the stream before it answered`, (error as Error)?.message);
  }
}
