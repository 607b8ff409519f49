import { classifyInboundRequest } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { classifyRequest } from "@/lib/mcp/relay/classify-request";

const META = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}, "io.modelcontextprotocol/clientInfo": { name: "bot", version: "1" } };
const call = (overrides: Record<string, unknown> = {}, meta: unknown = META) => ({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "a__b", arguments: { x: 1 }, _meta: meta }, ...overrides });
const modernHeaders = { protocolVersionHeader: "2026-07-28", mcpMethodHeader: "tools/call", mcpNameHeader: "a__b" };

const cases: [string, Parameters<typeof classifyRequest>[0]][] = [
  ["a valid 2026-07-28 call", { httpMethod: "POST", ...modernHeaders, body: call() }],
  ["a mismatched method header", { httpMethod: "POST", ...modernHeaders, mcpMethodHeader: "tools/list", body: call() }],
  ["a header version unlike the envelope's", { httpMethod: "POST", ...modernHeaders, protocolVersionHeader: "2025-11-25", body: call() }],
  ["an empty version header (not an absent one)", { httpMethod: "POST", ...modernHeaders, protocolVersionHeader: "", body: call() }],
  ["an absent version header", { httpMethod: "POST", mcpMethodHeader: "tools/call", body: call() }],
  ["an envelope with a bad capabilities value", { httpMethod: "POST", ...modernHeaders, body: call({}, { ...META, "io.modelcontextprotocol/clientCapabilities": "all" }) }],
  ["a modern header without an envelope", { httpMethod: "POST", ...modernHeaders, body: call({}, undefined) }],
  ["a 2025-era call", { httpMethod: "POST", protocolVersionHeader: "2025-11-25", body: call({}, undefined) }],
  ["a fractional id", { httpMethod: "POST", ...modernHeaders, body: call({ id: 1.5 }) }],
  ["an extra top-level member", { httpMethod: "POST", ...modernHeaders, body: call({ extra: true }) }],
  ["params that are not an object", { httpMethod: "POST", ...modernHeaders, body: call({ params: [1] }) }],
];

describe("classifyRequest", () => {
  it.each(cases)("answers as the SDK does, first time and remembered: %s", (_name, inbound) => {
    const withoutMessage = (route: object) => ({ ...route, message: undefined });
    const expected = withoutMessage(classifyInboundRequest(inbound));
    for (let i = 0; i < 2; i++) expect(withoutMessage(classifyRequest(structuredClone(inbound)))).toEqual(expected);
  });

  it("does not answer a call from what was remembered of a call with another envelope", () => {
    const good = { httpMethod: "POST", ...modernHeaders, body: call() };
    const bad = { httpMethod: "POST", ...modernHeaders, body: call({}, { ...META, "io.modelcontextprotocol/protocolVersion": 5 }) };
    expect(classifyRequest(good).kind).toBe("modern");
    expect(classifyRequest(bad).kind).toBe("reject");
    expect(classifyRequest(good).kind).toBe("modern");
  });
});
