import { describe, expect, it } from "vitest";
import { unprefixResponseNames } from "./prefixed-names";
import { createSseEventSplitter, translateSseEvent } from "./sse-events";

const strip = (message: unknown) => unprefixResponseNames(message, "conf__");

describe("createSseEventSplitter", () => {
  it("hands over whole events however the bytes are cut, and nothing before an event is complete", () => {
    const stream = 'id: 1\ndata: \n\nevent: message\ndata: {"a":1}\n\n: keep-alive\n\ndata: {"b":2}\r\n\r\n';
    for (const size of [1, 3, 7, stream.length]) {
      const events: string[] = [];
      const splitter = createSseEventSplitter((event) => events.push(event));
      for (let i = 0; i < stream.length; i += size) splitter.push(stream.slice(i, i + size));
      expect(events).toEqual(["id: 1\ndata: \n\n", 'event: message\ndata: {"a":1}\n\n', ": keep-alive\n\n", 'data: {"b":2}\r\n\r\n']);
      splitter.end();
      expect(events).toHaveLength(4);
    }
  });

  it("emits a trailing partial event at the end", () => {
    const events: string[] = [];
    const splitter = createSseEventSplitter((event) => events.push(event));
    splitter.push("data: {}\n\ndata: {\"tail\":");
    expect(events).toEqual(["data: {}\n\n"]);
    splitter.end();
    expect(events).toEqual(["data: {}\n\n", 'data: {"tail":']);
  });
});

describe("translateSseEvent", () => {
  it("rewrites the JSON message of an event and keeps its id and event lines", () => {
    const event = `event: message\nid: s1_4\ndata: ${JSON.stringify({ jsonrpc: "2.0", id: 1, result: { tools: [{ name: "conf__echo" }] } })}\n\n`;
    expect(translateSseEvent(event, strip)).toBe(`event: message\nid: s1_4\ndata: ${JSON.stringify({ jsonrpc: "2.0", id: 1, result: { tools: [{ name: "echo" }] } })}\n\n`);
  });

  it("joins a message split over several data lines", () => {
    const event = 'data: {"id":1,\ndata: "result":{"prompts":[{"name":"conf__p"}]}}\n\n';
    expect(translateSseEvent(event, strip)).toBe('data: {"id":1,"result":{"prompts":[{"name":"p"}]}}\n\n');
  });

  it("returns priming events, comments, untouched messages and non-JSON data byte for byte", () => {
    for (const event of ["id: 1\nretry: 500\ndata: \n\n", ": ping\n\n", 'data:{"id":2,"result":{"content":[]}}\n\n', "data: hello\n\n"]) {
      expect(translateSseEvent(event, strip)).toBe(event);
    }
  });
});
