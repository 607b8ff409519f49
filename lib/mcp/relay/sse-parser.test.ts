import { describe, expect, it } from "vitest";
import { SseParser } from "@/lib/mcp/relay/sse-parser";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("SseParser", () => {
  it("parses events split anywhere across chunks, with every line ending", () => {
    const stream = 'event: message\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\nid: 7\ndata: {"b":\ndata: 2}\n\rdata: x\r\r';
    for (let size = 1; size <= stream.length; size++) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(bytes(stream.slice(i, i + size))));
      events.push(...parser.end());
      expect(events, `chunk size ${size}`).toEqual([
        { event: "message", data: '{"a":1}', id: null },
        { event: "message", data: '{"b":\n2}', id: "7" },
        { event: "message", data: "x", id: "7" },
      ]);
    }
  });

  it("keeps a multi-byte character split between chunks whole", () => {
    const parser = new SseParser();
    const all = bytes('data: "héllo ✓"\n\n');
    const events = [...parser.push(all.subarray(0, 9)), ...parser.push(all.subarray(9))];
    expect(events).toEqual([{ event: "message", data: '"héllo ✓"', id: null }]);
  });

  it("reports a priming event (an id, no data) and the retry hint, so a polled stream can be resumed", () => {
    const parser = new SseParser();
    expect(parser.push(bytes("id: evt-1\nretry: 500\ndata: \n\n: comment\n\n"))).toEqual([{ event: "message", data: "", id: "evt-1", retry: 500 }]);
  });

  it("reports a half-received event as pending, not as an event", () => {
    const parser = new SseParser();
    expect(parser.push(bytes('data: {"jsonrpc":"2.0",'))).toEqual([]);
    expect(parser.pendingBytes).toBeGreaterThan(0);
  });
});
