import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConformanceLoopback, type ConformanceLoopback } from "@/lib/testing/conformance-loopback";
import { startConformanceUpstream } from "@/lib/testing/conformance-upstream";
import { conformanceProblems } from "@/lib/testing/conformance/conformance-problems";
import { startPrefixingGateway } from "@/lib/testing/conformance/prefixing-gateway";
import { EXTENSION_SCENARIOS, runConformanceVersion, SPEC_VERSIONS } from "@/lib/testing/conformance/run-conformance-matrix";
import { listConformanceScenarios } from "@/lib/testing/run-conformance";
import type { RunningServer } from "@/lib/testing/mcp-upstreams";

// The loopback in front of a stand-in gateway that prefixes names and wants
// a token, in front of the conformance upstream: a client that knows only
// the upstream's own names works through it on both revisions.

const TOKEN = "alk_svc_loopbacktesttoken";
const PREFIX = "conf__";
const ERAS = { "2025-11-25": undefined, "2026-07-28": { mode: { pin: "2026-07-28" } } } as const;

let upstream: RunningServer;
let gateway: RunningServer;
let loopback: ConformanceLoopback;

beforeAll(async () => {
  upstream = await startConformanceUpstream();
  gateway = await startPrefixingGateway({ upstream: upstream.url, token: TOKEN, prefix: PREFIX });
  loopback = await startConformanceLoopback({ target: gateway.url, token: TOKEN, prefix: PREFIX });
});

afterAll(async () => {
  await loopback?.close();
  await gateway?.close();
  await upstream?.close();
});

async function connect(url: string, era: keyof typeof ERAS, headers: Record<string, string> = {}) {
  const client = new Client({ name: "loopback-test", version: "1.0.0" }, { capabilities: { sampling: {}, elicitation: {}, roots: {} }, ...(ERAS[era] ? { versionNegotiation: ERAS[era] } : {}) });
  client.setRequestHandler("sampling/createMessage", async () => ({ role: "assistant", content: { type: "text", text: "Paris" }, model: "test-model", stopReason: "endTurn" }));
  client.setRequestHandler("elicitation/create", async () => ({ action: "accept", content: { username: "ada", email: "ada@example.com" } }));
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }), { timeout: 10_000 });
  return client;
}

const textOf = (result: { content?: unknown }) => (result.content as { type: string; text?: string }[]).map((block) => block.text ?? "").join("");

describe("the stand-in gateway (sanity of the fixture the loopback is tested against)", () => {
  it("refuses a caller without the token", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(response.status).toBe(401);
  });

  it("lists prefixed names and does not know the unprefixed ones", async () => {
    const client = await connect(gateway.url, "2025-11-25", { authorization: `Bearer ${TOKEN}` });
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(10);
      expect(tools.every((tool) => tool.name.startsWith(PREFIX))).toBe(true);
      await expect(client.callTool({ name: "test_simple_text", arguments: {} })).rejects.toThrow(/Unknown tool/);
      expect(textOf(await client.callTool({ name: `${PREFIX}test_simple_text`, arguments: {} }))).toContain("simple text");
    } finally {
      await client.close();
    }
  });
});

describe.each(Object.keys(ERAS) as (keyof typeof ERAS)[])("through the loopback, %s", (era) => {
  it("lists and calls tools and prompts by their own names, and reads resources by their URIs", async () => {
    const client = await connect(loopback.url, era);
    try {
      const tools = (await client.listTools()).tools.map((tool) => tool.name);
      expect(tools).toEqual(expect.arrayContaining(["test_simple_text", "test_sampling", "json_schema_2020_12_tool", "test_header_param"]));
      expect(tools.filter((name) => name.startsWith(PREFIX))).toEqual([]);
      expect(textOf(await client.callTool({ name: "test_simple_text", arguments: {} }))).toBe("This is a simple text response for testing.");

      const prompts = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
      expect(prompts).toEqual(expect.arrayContaining(["test_simple_prompt", "test_prompt_with_arguments"]));
      expect(prompts.filter((name) => name.startsWith(PREFIX))).toEqual([]);
      const prompt = await client.getPrompt({ name: "test_prompt_with_arguments", arguments: { arg1: "a1", arg2: "a2" } });
      expect(JSON.stringify(prompt.messages)).toContain("arg1='a1', arg2='a2'");
      const completion = await client.complete({ ref: { type: "ref/prompt", name: "test_prompt_with_arguments" }, argument: { name: "arg1", value: "par" } });
      expect(completion.completion.values).toEqual(["paris", "park", "party"]);

      const read = await client.readResource({ uri: "test://static-text" });
      expect(read.contents[0]).toMatchObject({ uri: "test://static-text", text: "This is the content of the static text resource." });
    } finally {
      await client.close();
    }
  });

  it("relays the upstream's requests for input and the client's answers (sampling, elicitation)", async () => {
    const client = await connect(loopback.url, era);
    try {
      expect(textOf(await client.callTool({ name: "test_sampling", arguments: { prompt: "Capital of France?" } }))).toBe("LLM response: Paris");
      expect(textOf(await client.callTool({ name: "test_elicitation", arguments: { message: "Who are you?" } }))).toBe(
        'User response: action=accept, content={"username":"ada","email":"ada@example.com"}',
      );
    } finally {
      await client.close();
    }
  });

  it("relays progress notifications while the call runs", async () => {
    const client = await connect(loopback.url, era);
    try {
      const progress: number[] = [];
      await client.callTool({ name: "test_tool_with_progress", arguments: {} }, { onprogress: ({ progress: value }) => void progress.push(value) });
      expect(progress).toEqual([0, 50, 100]);
    } finally {
      await client.close();
    }
  });
});

describe("through the loopback on 2026-07-28", () => {
  it("prefixes the Mcp-Name header (the upstream checks it against the body) and passes Mcp-Param headers", async () => {
    const client = await connect(loopback.url, "2026-07-28");
    try {
      expect(textOf(await client.callTool({ name: "test_header_param", arguments: { region: "eu-west" } }))).toBe("region=eu-west");
    } finally {
      await client.close();
    }
  });

  it("passes a header/body mismatch through, so the upstream still rejects it with 400 / -32020", async () => {
    const headers = {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": "test_image_content",
    };
    const _meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
    const body = JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "test_simple_text", arguments: {}, _meta } });
    const response = await fetch(loopback.url, { method: "POST", headers, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: 9, error: { code: -32020 } });
  });
});

describe("the loopback as an HTTP hop", () => {
  it("passes status codes and session headers: initialize gives an Mcp-Session-Id, an unknown session is 404", async () => {
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const init = await fetch(loopback.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
    });
    expect(init.status).toBe(200);
    expect(init.headers.get("content-type")).toContain("text/event-stream");
    expect(init.headers.get("mcp-session-id")).toMatch(/^[\x21-\x7e]+$/);
    await init.body?.cancel();
    const stale = await fetch(loopback.url, { method: "POST", headers: { ...headers, "mcp-session-id": "no-such-session", "mcp-protocol-version": "2025-11-25" }, body: '{"jsonrpc":"2.0","id":2,"method":"ping"}' });
    expect(stale.status).toBe(404);
  });

  it("forwards a foreign Host unchanged, so a DNS-rebinding probe is still refused", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(loopback.url);
      const request = http.request(url, { method: "POST", headers: { host: "evil.example.com", origin: "http://evil.example.com", "content-type": "application/json" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end('{"jsonrpc":"2.0","id":1,"method":"ping"}');
    });
    expect(status).toBe(403);
  });

  it("relays each SSE event as it arrives instead of waiting for the stream to end", async () => {
    let sawFirst!: () => void;
    const firstSeen = new Promise<void>((resolve) => (sawFirst = resolve));
    let releasedBy = "";
    const target = http.createServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1}}\n\n');
      // Held until the client has the first event; a buffering proxy delivers nothing until the 3 s are up.
      releasedBy = await Promise.race([firstSeen.then(() => "the client reading the first event"), new Promise<string>((resolve) => setTimeout(() => resolve("the timeout"), 3000))]);
      res.end(`data: ${JSON.stringify({ jsonrpc: "2.0", id: 1, result: { tools: [{ name: `${PREFIX}a` }] } })}\n\n`);
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    const proxy = await startConformanceLoopback({ target: `http://127.0.0.1:${(target.address() as AddressInfo).port}/mcp`, token: TOKEN, prefix: PREFIX });
    try {
      const response = await fetch(proxy.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const first = await reader.read();
      sawFirst();
      let rest = "";
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value;
      expect(first.value).toContain("notifications/progress");
      expect(releasedBy).toBe("the client reading the first event");
      expect(rest).toBe(`data: ${JSON.stringify({ jsonrpc: "2.0", id: 1, result: { tools: [{ name: "a" }] } })}\n\n`);
    } finally {
      await proxy.close();
      target.closeAllConnections();
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

it(
  "the conformance suite through loopback and stand-in gateway passes every check on both versions, as it does direct",
  async () => {
    const [reports, lists] = await Promise.all([
      Promise.all(SPEC_VERSIONS.map((version) => runConformanceVersion(loopback.url, version))),
      Promise.all(SPEC_VERSIONS.map(listConformanceScenarios)),
    ]);
    expect(reports.flatMap(conformanceProblems)).toEqual([]);
    const ran = reports.map((report) => report.scenarios.map((s) => s.scenario).sort());
    expect(ran).toEqual(SPEC_VERSIONS.map((version, i) => [...lists[i], ...EXTENSION_SCENARIOS[version]].sort()));
  },
  600_000,
);
