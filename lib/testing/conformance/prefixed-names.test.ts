import { describe, expect, it } from "vitest";
import { prefixMcpNameHeader, prefixRequestNames, requestMethodOf, translateJsonText, unprefixResponseNames } from "./prefixed-names";

const P = "conf__";
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("prefixRequestNames", () => {
  it("prefixes the tool of tools/call and the prompt of prompts/get, keeping everything else", () => {
    const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { name: "x" }, _meta: { progressToken: 7 } } };
    expect(prefixRequestNames(call, P)).toEqual({ ...call, params: { ...call.params, name: "conf__echo" } });
    expect(prefixRequestNames({ id: 2, method: "prompts/get", params: { name: "welcome", arguments: { who: "a" } } }, P)).toEqual({
      id: 2,
      method: "prompts/get",
      params: { name: "conf__welcome", arguments: { who: "a" } },
    });
  });

  it("prefixes a prompt reference of completion/complete but not a resource template reference", () => {
    const prompt = { id: 3, method: "completion/complete", params: { ref: { type: "ref/prompt", name: "p" }, argument: { name: "arg1", value: "x" } } };
    expect(prefixRequestNames(prompt, P)).toMatchObject({ params: { ref: { type: "ref/prompt", name: "conf__p" }, argument: { name: "arg1" } } });
    const template = { id: 4, method: "completion/complete", params: { ref: { type: "ref/resource", uri: "test://t/{id}" }, argument: { name: "id", value: "1" } } };
    expect(prefixRequestNames(template, P)).toBe(template);
  });

  it("keeps the inputResponses and requestState of a multi round-trip retry as they are", () => {
    const retry = {
      id: 5,
      method: "tools/call",
      params: { name: "ask", arguments: {}, inputResponses: { user_name: { action: "accept", content: { name: "Alice" } } }, requestState: "v1.abc.def" },
    };
    expect(prefixRequestNames(retry, P)).toEqual({ ...retry, params: { ...retry.params, name: "conf__ask" } });
  });

  it("leaves resource URIs, other methods, responses and malformed messages alone", () => {
    for (const message of [
      { id: 6, method: "resources/read", params: { uri: "test://static-text" } },
      { id: 7, method: "tools/list", params: {} },
      { id: 8, result: { content: [] } },
      { id: 9, method: "tools/call" },
      { id: 10, method: "tools/call", params: { name: 42 } },
      "not an object",
      null,
    ]) {
      expect(prefixRequestNames(message, P)).toBe(message);
    }
  });
});

describe("unprefixResponseNames", () => {
  it("removes the prefix from listed tools and prompts, and only where it is present", () => {
    const tools = { id: 1, result: { tools: [{ name: "conf__echo", inputSchema: { type: "object" } }, { name: "other" }], nextCursor: "c", ttlMs: 0 } };
    expect(unprefixResponseNames(tools, P)).toEqual({ id: 1, result: { tools: [{ name: "echo", inputSchema: { type: "object" } }, { name: "other" }], nextCursor: "c", ttlMs: 0 } });
    expect(unprefixResponseNames({ id: 2, result: { prompts: [{ name: "conf__welcome", arguments: [] }] } }, P)).toEqual({ id: 2, result: { prompts: [{ name: "welcome", arguments: [] }] } });
  });

  it("leaves tool results, resources, notifications and errors alone", () => {
    for (const message of [
      { id: 3, result: { content: [{ type: "text", text: "conf__echo" }], structuredContent: { tools: ["conf__x"] } } },
      { id: 4, result: { resources: [{ uri: "test://a", name: "conf__a" }] } },
      { method: "notifications/tools/list_changed", params: {} },
      { id: 5, error: { code: -32602, message: "Unknown tool: conf__x" } },
    ]) {
      expect(unprefixResponseNames(message, P)).toBe(message);
    }
  });
});

describe("translateJsonText", () => {
  const add = (message: unknown) => prefixRequestNames(message, P);

  it("translates one message or every message of a batch", () => {
    expect(JSON.parse(translateJsonText(JSON.stringify({ id: 1, method: "tools/call", params: { name: "a" } }), add))).toMatchObject({ params: { name: "conf__a" } });
    const batch = JSON.parse(translateJsonText(JSON.stringify([{ id: 1, method: "tools/call", params: { name: "a" } }, { id: 2, method: "ping" }]), add));
    expect(batch).toEqual([{ id: 1, method: "tools/call", params: { name: "conf__a" } }, { id: 2, method: "ping" }]);
  });

  it("returns the original bytes when nothing changes or the text is not JSON", () => {
    const spaced = '{ "id": 1,   "method": "ping" }';
    expect(translateJsonText(spaced, add)).toBe(spaced);
    expect(translateJsonText("{not json", add)).toBe("{not json");
    expect(translateJsonText("", add)).toBe("");
  });
});

describe("prefixMcpNameHeader", () => {
  it("prefixes plain and base64-sentinel names for tools/call and prompts/get", () => {
    expect(prefixMcpNameHeader("echo", "tools/call", P)).toBe("conf__echo");
    expect(prefixMcpNameHeader("welcome", "prompts/get", P)).toBe("conf__welcome");
    expect(prefixMcpNameHeader(`=?base64?${b64("héllo wörld")}?=`, "tools/call", P)).toBe(`=?base64?${b64("conf__héllo wörld")}?=`);
  });

  it("keeps surrounding whitespace, so a whitespace probe stays one", () => {
    expect(prefixMcpNameHeader("  echo \t", "tools/call", P)).toBe("  conf__echo \t");
  });

  it("leaves URIs and task ids, and sentinels that are not valid base64", () => {
    expect(prefixMcpNameHeader("test://static-text", "resources/read", P)).toBe("test://static-text");
    expect(prefixMcpNameHeader("task-1", "tasks/get", P)).toBe("task-1");
    expect(prefixMcpNameHeader("=?base64?SGVsbG8?=", "tools/call", P)).toBe("=?base64?SGVsbG8?=");
    expect(prefixMcpNameHeader("=?base64?SGVs!!!bG8=?=", "tools/call", P)).toBe("=?base64?SGVs!!!bG8=?=");
  });

  it("treats a value without the full sentinel as a literal name", () => {
    expect(prefixMcpNameHeader(`=?base64?${b64("x")}`, "tools/call", P)).toBe(`conf__=?base64?${b64("x")}`);
  });
});

describe("requestMethodOf", () => {
  it("reads the method of a request or of the first message of a batch", () => {
    expect(requestMethodOf('{"method":"tools/call"}')).toBe("tools/call");
    expect(requestMethodOf('[{"method":"prompts/get"},{"method":"ping"}]')).toBe("prompts/get");
    expect(requestMethodOf("nope")).toBeUndefined();
    expect(requestMethodOf('{"result":{}}')).toBeUndefined();
  });
});
