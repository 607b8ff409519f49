import { Client as V2Client, StreamableHTTPClientTransport as V2Transport } from "@modelcontextprotocol/client";
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as V1Transport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAccessMode } from "@/lib/grants/set-access-mode";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { createTenant } from "@/lib/testing/fixtures";
import { startServerEverything, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startGateway } from "@/lib/testing/start-gateway";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// The third-party reference server behind the gateway, driven by the official
// clients of both SDK generations: what a bot gets through the gateway must
// be what it gets talking to server-everything directly.

type Generation = "v1" | "v2-2025" | "v2-2026";
const GENERATIONS: Generation[] = ["v1", "v2-2025", "v2-2026"];
const CAPABILITIES = { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } };
const PREFIX = "everything__";

type AnyClient = {
  listTools(): Promise<{ tools: { name: string }[] }>;
  callTool(name: string, args: Record<string, unknown>, onprogress?: (p: unknown) => void): Promise<{ content?: unknown[]; isError?: boolean; structuredContent?: unknown }>;
  complete(params: unknown): Promise<{ completion: { values: string[] } }>;
  setLoggingLevel(level: string): Promise<unknown>;
  subscribe(uri: string): Promise<unknown>;
  readResource(uri: string): Promise<{ contents: unknown[] }>;
  logs: unknown[];
  updates: string[];
  close(): Promise<void>;
};

let everything: RunningServer;
let gateway: RunningServer;
let slug: string;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  await resetDatabase();
  [everything, gateway] = await Promise.all([startServerEverything(), startGateway()]);
  const { org, owner, audit } = await createTenant();
  slug = org.slug;
  const server = await createMcpServer({ orgId: org.id, input: { name: "Everything", slug: "everything", url: everything.url, headers: {}, timeoutMs: 15_000 }, audit });
  expect(server.health).toBe("HEALTHY");
  const bot = async (name: string) => {
    const account = await createServiceAccount({ orgId: org.id, input: { name, description: "" }, createdById: owner.id, audit });
    await setAccessMode({ orgId: org.id, grantee: { serviceAccountId: account.id }, accessMode: "FULL_ACCESS", audit });
    return (await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "t" }, createdById: owner.id, audit })).token;
  };
  tokenA = await bot("bot-a");
  tokenB = await bot("bot-b");
}, 60_000);

afterAll(async () => {
  await Promise.all([gateway?.close(), everything?.close()]);
});

const sampled = { role: "assistant", content: { type: "text", text: "sampled by the client" }, model: "test-model", stopReason: "endTurn" };
const roots = { roots: [{ uri: "file:///work", name: "work" }] };

/** A client of one SDK generation, through the gateway (with a token) or direct, that serves sampling, elicitation and roots. */
async function connect(generation: Generation, { token, capabilities = CAPABILITIES }: { token?: string; capabilities?: object } = {}): Promise<AnyClient> {
  const url = new URL(token ? `${gateway.url}org/${slug}` : everything.url);
  const requestInit = token ? { headers: { authorization: `Bearer ${token}` } } : undefined;
  const logs: unknown[] = [];
  const updates: string[] = [];
  const serves = (capability: string) => capability in capabilities;
  if (generation === "v1") {
    const client = new V1Client({ name: "v1-bot", version: "1.0.0" }, { capabilities });
    if (serves("sampling")) client.setRequestHandler(CreateMessageRequestSchema, async () => sampled as never);
    if (serves("elicitation")) client.setRequestHandler(ElicitRequestSchema, async () => ({ action: "accept", content: { color: "teal" } }));
    if (serves("roots")) client.setRequestHandler(ListRootsRequestSchema, async () => roots);
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
    await client.connect(new V1Transport(url, { requestInit }));
    return {
      listTools: () => client.listTools(),
      callTool: (name, args, onprogress) => client.callTool({ name, arguments: args }, undefined, { timeout: 20_000, onprogress }) as never,
      complete: (params) => client.complete(params as never) as never,
      setLoggingLevel: (level) => client.setLoggingLevel(level as never),
      subscribe: (uri) => client.subscribeResource({ uri }),
      readResource: (uri) => client.readResource({ uri }) as never,
      logs,
      updates,
      close: () => client.close(),
    };
  }
  const client = new V2Client(
    { name: "v2-bot", version: "1.0.0" },
    { capabilities, ...(generation === "v2-2026" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {}) } as never,
  );
  if (serves("sampling")) client.setRequestHandler("sampling/createMessage", async () => sampled as never);
  if (serves("elicitation")) client.setRequestHandler("elicitation/create", async () => ({ action: "accept", content: { color: "teal" } }));
  if (serves("roots")) client.setRequestHandler("roots/list", async () => roots);
  client.setNotificationHandler("notifications/message", (n) => void logs.push(n.params));
  client.setNotificationHandler("notifications/resources/updated", (n) => void updates.push(n.params.uri));
  await client.connect(new V2Transport(url, { requestInit }));
  return {
    listTools: () => client.listTools(),
    callTool: (name, args, onprogress) => client.callTool({ name, arguments: args }, { timeout: 20_000, onprogress }) as never,
    complete: (params) => client.complete(params as never) as never,
    setLoggingLevel: (level) => client.setLoggingLevel(level as never),
    subscribe: (uri) => client.subscribeResource({ uri }),
    readResource: (uri) => client.readResource({ uri }) as never,
    logs,
    updates,
    close: () => client.close(),
  };
}

/** Direct talk is 2025-11-25 (server-everything speaks nothing newer): a 2026 client's twin is the v2 client on 2025. */
const directTwin = (generation: Generation): Generation => (generation === "v2-2026" ? "v2-2025" : generation);

const strip = (names: string[]) => names.map((n) => (n.startsWith(PREFIX) ? n.slice(PREFIX.length) : `(unprefixed) ${n}`)).sort();

// Results that name the session they ran in, or the moment, differ by nature.
const normalize = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>"));

const DETERMINISTIC_CALLS: [string, Record<string, unknown>][] = [
  ["echo", { message: "through the gateway" }],
  ["get-sum", { a: 19, b: 23 }],
  ["get-tiny-image", {}],
  ["get-annotated-message", { messageType: "error", includeImage: true }],
  ["get-structured-content", { location: "New York" }],
  ["get-resource-links", { count: 3 }],
  ["get-resource-reference", { resourceType: "Text", resourceId: 2 }],
  ["trigger-sampling-request", { prompt: "What is 2+2?", maxTokens: 10 }],
  ["trigger-elicitation-request", {}],
  ["get-roots-list", {}],
];

describe.each(GENERATIONS)("server-everything through the gateway, %s client", (generation) => {
  it("lists the same tools as the upstream lists the same client directly, with and without client capabilities", async () => {
    for (const capabilities of [CAPABILITIES, {}]) {
      const [through, direct] = await Promise.all([connect(generation, { token: tokenA, capabilities }), connect(directTwin(generation), { capabilities })]);
      try {
        const [viaGateway, viaDirect] = await Promise.all([through.listTools(), direct.listTools()]);
        expect(strip(viaGateway.tools.map((t) => t.name))).toEqual(viaDirect.tools.map((t) => t.name).sort());
      } finally {
        await Promise.all([through.close(), direct.close()]);
      }
    }
  }, 60_000);

  it("answers every deterministic tool exactly as directly, sampling, elicitation and roots served by the client", async () => {
    const [through, direct] = await Promise.all([connect(generation, { token: tokenA }), connect(directTwin(generation))]);
    try {
      for (const [name, args] of DETERMINISTIC_CALLS) {
        const [viaGateway, viaDirect] = await Promise.all([through.callTool(`${PREFIX}${name}`, args), direct.callTool(name, args)]);
        expect(normalize(viaGateway), name).toEqual(normalize(viaDirect));
      }
      // The client's own answers reached the upstream, which quotes them.
      expect(JSON.stringify(await through.callTool(`${PREFIX}trigger-sampling-request`, { prompt: "hi", maxTokens: 5 }))).toContain("sampled by the client");
      expect(JSON.stringify(await through.callTool(`${PREFIX}trigger-elicitation-request`, {}))).toContain("teal");
      expect(JSON.stringify(await through.callTool(`${PREFIX}get-roots-list`, {}))).toContain("file:///work");
    } finally {
      await Promise.all([through.close(), direct.close()]);
    }
  }, 90_000);

  it("relays progress notifications as they come", async () => {
    const client = await connect(generation, { token: tokenA });
    try {
      const progress: unknown[] = [];
      const result = await client.callTool(`${PREFIX}trigger-long-running-operation`, { duration: 1, steps: 3 }, (p) => progress.push(p));
      expect(JSON.stringify(result)).toContain("Long running operation completed");
      expect(progress).toHaveLength(3);
    } finally {
      await client.close();
    }
  }, 30_000);

  it("relays completion/complete to the prompt's upstream", async () => {
    const client = await connect(generation, { token: tokenA });
    try {
      const result = await client.complete({ ref: { type: "ref/prompt", name: `${PREFIX}completable-prompt` }, argument: { name: "department", value: "Eng" } });
      expect(result.completion.values).toEqual(["Engineering"]);
    } finally {
      await client.close();
    }
  });
});

describe.each(["v1", "v2-2025"] as const)("server-everything sessions, %s client on 2025-11-25", (generation) => {
  it("delivers the upstream's log messages at the level the caller set, on its own session", async () => {
    const client = await connect(generation, { token: tokenA });
    try {
      await client.setLoggingLevel("debug");
      await client.callTool(`${PREFIX}toggle-simulated-logging`, {});
      await expect.poll(() => client.logs.length, { timeout: 8000 }).toBeGreaterThan(0);
      await client.callTool(`${PREFIX}toggle-simulated-logging`, {});
    } finally {
      await client.close();
    }
  }, 20_000);

  it("delivers resource updates for a subscription the caller made", async () => {
    const client = await connect(generation, { token: tokenA });
    try {
      await client.subscribe("demo://resource/static/document/architecture.md");
      await client.callTool(`${PREFIX}toggle-subscriber-updates`, {});
      await expect.poll(() => client.updates, { timeout: 12_000 }).toContain("demo://resource/static/document/architecture.md");
      await client.callTool(`${PREFIX}toggle-subscriber-updates`, {});
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe("tasks (2025-11-25)", () => {
  it("runs a task-only tool as a task: created, polled, and its result fetched through the gateway", async () => {
    const client = new V1Client({ name: "v1-tasks", version: "1.0.0" }, { capabilities: CAPABILITIES });
    await client.connect(new V1Transport(new URL(`${gateway.url}org/${slug}`), { requestInit: { headers: { authorization: `Bearer ${tokenA}` } } }));
    try {
      const tool = (await client.listTools()).tools.find((t) => t.name === `${PREFIX}simulate-research-query`);
      expect(tool?.execution).toEqual({ taskSupport: "required" });
      const seen: string[] = [];
      let report = "";
      for await (const message of client.experimental.tasks.callToolStream({ name: `${PREFIX}simulate-research-query`, arguments: { topic: "gateways" } }, CallToolResultSchema)) {
        seen.push(message.type);
        if (message.type === "result") report = JSON.stringify(message.result);
        if (message.type === "error") throw message.error;
      }
      expect(seen[0]).toBe("taskCreated");
      expect(seen.at(-1)).toBe("result");
      expect(report).toContain("Research Report: gateways");
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe("upstream sessions are the caller's own", () => {
  it("keeps one service account's session state away from another's", async () => {
    const [a, b] = await Promise.all([connect("v1", { token: tokenA }), connect("v1", { token: tokenB })]);
    try {
      const text = (result: { content?: unknown[] }) => JSON.stringify(result.content);
      // The toggle is per upstream session: each account starts its own logging.
      expect(text(await a.callTool(`${PREFIX}toggle-simulated-logging`, {}))).toContain("Started");
      expect(text(await b.callTool(`${PREFIX}toggle-simulated-logging`, {}))).toContain("Started");
      expect(text(await a.callTool(`${PREFIX}toggle-simulated-logging`, {}))).toContain("Stopped");
      expect(text(await b.callTool(`${PREFIX}toggle-simulated-logging`, {}))).toContain("Stopped");

      // A resource made in A's session is A's: readable by A, unknown to B.
      const data = `data:text/plain;base64,${Buffer.from("only for bot a").toString("base64")}`;
      await a.callTool(`${PREFIX}gzip-file-as-resource`, { name: "a-only.gz", data, outputType: "resourceLink" });
      const uri = "demo://resource/session/a-only.gz";
      expect((await a.readResource(uri)).contents).toHaveLength(1);
      await expect(b.readResource(uri)).rejects.toThrow();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 30_000);
});
