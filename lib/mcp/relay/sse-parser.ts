// An incremental parser for text/event-stream (the WHATWG grammar, the part
// MCP uses): feed it chunks as they arrive, get complete events back. Lines
// end in CRLF, LF or CR; comment lines (":") are skipped; `data:` lines of one
// event are joined with "\n".

export type SseEvent = { event: string; data: string; id: string | null; retry?: number };

export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | null = null;
  private retry: number | undefined;
  private sawId = false;
  private decoder = new TextDecoder();

  /** Bytes received so far that did not yet form a complete event. */
  get pendingBytes(): number {
    return this.buffer.length + this.data.reduce((n, line) => n + line.length, 0);
  }

  push(chunk: Uint8Array): SseEvent[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A CR at the very end may be the first half of a CRLF: wait for more.
      if (c === 13 && i === this.buffer.length - 1) break;
      const line = this.buffer.slice(start, i);
      if (c === 13 && this.buffer.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** At the end of the stream: a last line ended by a lone CR still counts. */
  end(): SseEvent[] {
    return this.buffer.endsWith("\r") ? this.push(new Uint8Array([10])) : [];
  }

  private line(line: string): SseEvent | null {
    if (line === "") {
      // An event with an id (or a retry) and no data is a priming event: it marks a place to resume from.
      if (!this.data.length && this.retry === undefined && !this.sawId) {
        this.event = "";
        return null;
      }
      const event: SseEvent = { event: this.event || "message", data: this.data.join("\n"), id: this.id, ...(this.retry !== undefined ? { retry: this.retry } : {}) };
      this.data = [];
      this.event = "";
      this.retry = undefined;
      this.sawId = false;
      return event;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) {
      this.id = value;
      this.sawId = true;
    } else if (field === "retry" && /^\d+$/.test(value)) this.retry = Number(value);
    return null;
  }
}

/** One SSE event carrying one JSON-RPC message, as the relay writes it: one string, one write. */
export function sseEvent(json: string): string {
  return `event: message\ndata: ${json}\n\n`;
}
