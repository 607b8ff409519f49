import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sseEvent } from "@/lib/mcp/relay/sse-parser";
import type { JsonObject, RequestId } from "@/lib/mcp/relay/protocol";

const SSE_KEEP_ALIVE_MS = 15_000;

/**
 * The answer to one caller request: a single JSON body, or an SSE stream the
 * relay writes one event at a time (one socket write per event). It knows
 * whether the caller is still there, and tells whoever asks when it leaves.
 */
export class CallerReply {
  private sse = false;
  private keepAlive: NodeJS.Timeout | null = null;
  private readonly baseHeaders: Record<string, string>;
  private left = false;
  private readonly leaving = new Set<() => void>();
  private goneOnce: Promise<void> | null = null;

  constructor(
    readonly res: ServerResponse,
    { requestId, headers = {} }: { requestId: string; headers?: Record<string, string> },
  ) {
    this.baseHeaders = { "cache-control": "no-store", "x-request-id": requestId, ...headers };
    res.once("close", () => {
      this.left = true;
      this.stopKeepAlive();
      for (const listener of this.leaving) listener();
      this.leaving.clear();
    });
  }

  /** Settles when the connection closes (answered or not). Made on first use: most requests never ask. */
  get gone(): Promise<void> {
    return (this.goneOnce ??= new Promise((resolve) => this.whenGone(resolve)));
  }

  /** Calls `listener` when the connection closes; the returned function stops listening. */
  whenGone(listener: () => void): () => void {
    if (this.left) {
      listener();
      return () => {};
    }
    this.leaving.add(listener);
    return () => this.leaving.delete(listener);
  }

  /** The caller closed the connection before the answer was complete. */
  get closed(): boolean {
    return this.res.destroyed && !this.res.writableFinished;
  }

  get streaming(): boolean {
    return this.sse;
  }

  get finished(): boolean {
    return this.res.writableEnded;
  }

  setHeader(name: string, value: string): void {
    this.baseHeaders[name.toLowerCase()] = value;
  }

  /** The whole answer as one JSON body (or, once streaming, as the last event). */
  json(status: number, body: string, headers: Record<string, string> = {}): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    if (this.sse) {
      this.res.end(sseEvent(body));
      return;
    }
    this.res.writeHead(status, { ...this.baseHeaders, ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
    this.res.end(body);
  }

  /** Opens the SSE stream (once); events follow with `event`. */
  startStream(headers: Record<string, string> = {}, keepAlive = false): void {
    if (this.sse || this.res.headersSent) return;
    this.sse = true;
    this.res.writeHead(200, { ...this.baseHeaders, ...headers, "content-type": "text/event-stream", "x-accel-buffering": "no", connection: "keep-alive" });
    this.res.flushHeaders();
    if (keepAlive) {
      this.keepAlive = setInterval(() => this.res.write(": keep-alive\n\n"), SSE_KEEP_ALIVE_MS);
      this.keepAlive.unref();
    }
  }

  /**
   * A 2025-era SSE answer's first event: an id with no data and a retry hint
   * (SEP-1699), as 2025-era servers send it. The relay itself reads an
   * upstream's polled stream to its end, so callers have nothing to resume.
   */
  prime(): void {
    if (this.sse) return;
    this.startStream();
    this.res.write(`id: ${randomUUID()}\nretry: 1000\ndata: \n\n`);
  }

  event(json: string): void {
    if (!this.sse) this.startStream();
    if (!this.res.writableEnded && !this.res.destroyed) this.res.write(sseEvent(json));
  }

  /** A status with no body (a DELETE that succeeded). */
  empty(status: number): void {
    if (this.res.headersSent) return void this.res.end();
    this.res.writeHead(status, this.baseHeaders);
    this.res.end();
  }

  end(): void {
    this.stopKeepAlive();
    if (!this.res.headersSent) this.res.writeHead(202, this.baseHeaders);
    if (!this.res.writableEnded) this.res.end();
  }

  /** A JSON-RPC error for request `id` (null when there is none), with the HTTP status the era's rules give it. */
  error(status: number, id: RequestId | null, code: number, message: string, data?: unknown, headers: Record<string, string> = {}): void {
    this.json(status, errorMessage(id, code, message, data), headers);
  }

  private stopKeepAlive() {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }
}

export function errorMessage(id: RequestId | null, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ jsonrpc: "2.0", id, error: data === undefined ? { code, message } : { code, message, data } });
}

export function resultMessage(id: RequestId | null, result: JsonObject): string {
  return JSON.stringify({ jsonrpc: "2.0", id, result });
}
