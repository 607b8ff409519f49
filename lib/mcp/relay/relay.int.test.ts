import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { updateMcpServer } from "@/lib/mcp-servers/update-mcp-server";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { revokeServiceToken } from "@/lib/tokens/revoke-service-token";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { assignToolset } from "@/lib/toolsets/assign-toolset";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { flushToolCalls } from "@/lib/usage/record-tool-call";
import { setGrants } from "@/lib/grants/set-grants";
import { startGateway } from "@/lib/testing/start-gateway";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startGarbageUpstream, startServerEverything, startTestUpstream, type RunningServer } from "@/lib/testing/mcp-upstreams";

// The gateway over real HTTP, with real upstreams, driven by the official client SDK.

let gateway: RunningServer;
let upstream: RunningServer;
let everything: RunningServer;
let garbage: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let otherOrg: Awaited<ReturnType<typeof createTenant>>;
let token: string;
let tokenId: string;
let accountId: string;

const MODES = { "2025-11-25": undefined, "2026-07-28": { mode: { pin: "2026-07-28" } } } as const;

async function connect(mode: keyof typeof MODES, bearer = token, slug = tenant.org.slug) {
  const client = new Client({ name: "gateway-test", version: "1.0.0" }, MODES[mode] ? { versionNegotiation: MODES[mode] } : {});
  const transport = new StreamableHTTPClientTransport(new URL(`${gateway.url}org/${slug}`), { requestInit: { headers: { authorization: `Bearer ${bearer}` } } });
  await client.connect(transport, { timeout: 10_000 });
  return client;
}

async function direct(url: string) {
  const client = new Client({ name: "direct", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)), { timeout: 10_000 });
  return client;
}

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  await resetDatabase();
  [upstream, everything, garbage] = await Promise.all([startTestUpstream(), startServerEverything(), startGarbageUpstream()]);
  gateway = await startGateway();
  tenant = await createTenant();
  otherOrg = await createTenant();
  const { org, owner, audit } = tenant;
  const test = await createMcpServer({ orgId: org.id, input: { name: "Test", slug: "test", url: upstream.url, headers: { "X-Api-Key": "k-123" }, timeoutMs: 2000 }, audit });
  const ref = await createMcpServer({ orgId: org.id, input: { name: "Everything", slug: "everything", url: everything.url, headers: {}, timeoutMs: 10_000 }, audit });
  expect(test.health).toBe("HEALTHY");
  expect(ref.health).toBe("HEALTHY");
  const tools = await db().catalogTool.findMany({ where: { orgId: org.id } });
  const pick = (names: string[]) => tools.filter((t) => names.includes(t.exposedName)).map((t) => t.id);
  const toolset = await createToolset({ orgId: org.id, input: { name: "CI", description: "" }, audit });
  await addToolsetTools({ orgId: org.id, toolsetId: toolset.id, toolIds: pick(["test__greet", "test__rich", "test__fail", "test__sleep", "everything__echo", "everything__get-sum"]), audit });
  const account = await createServiceAccount({ orgId: org.id, input: { name: "ci-bot", description: "" }, createdById: owner.id, audit });
  accountId = account.id;
  await assignToolset({ orgId: org.id, toolsetId: toolset.id, input: { serviceAccountId: account.id }, audit });
  // Prompts and resources come with a Read grant on their server.
  await setGrants({ orgId: org.id, grantee: { serviceAccountId: account.id }, entries: [{ resourceType: "MCP_SERVER", resourceId: test.id, level: "READ" }], audit });
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "gw" }, createdById: owner.id, audit });
  token = minted.token;
  tokenId = minted.id;
}, 60_000);

afterAll(async () => {
  await Promise.all([gateway?.close(), upstream?.close(), everything?.close(), garbage?.close()]);
});

const EXPECTED_TOOLS = ["everything__echo", "everything__get-sum", "test__fail", "test__greet", "test__rich", "test__sleep"];

describe.each(Object.keys(MODES) as (keyof typeof MODES)[])("the gateway over MCP %s", (mode) => {
  it("negotiates the revision and lists exactly the toolset's tools", async () => {
    const client = await connect(mode);
    expect(client.getNegotiatedProtocolVersion()).toBe(mode);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(EXPECTED_TOOLS);
    expect(tools.find((t) => t.name === "test__greet")).toMatchObject({ description: "Greets someone.", inputSchema: { type: "object", required: ["name"] } });
    await client.close();
  });

  it("passes the upstream's results through unchanged: text, image, structured content, isError", async () => {
    const client = await connect(mode);
    const upstreamClient = await direct(upstream.url);
    for (const [exposed, name, args] of [
      ["test__greet", "greet", { name: "Ada" }],
      ["test__rich", "rich", {}],
      ["test__fail", "fail", {}],
    ] as const) {
      const viaGateway = await client.callTool({ name: exposed, arguments: args });
      const viaDirect = await upstreamClient.callTool({ name, arguments: args });
      expect(viaGateway.content).toEqual(viaDirect.content);
      expect(viaGateway.structuredContent).toEqual(viaDirect.structuredContent);
      expect(Boolean(viaGateway.isError)).toBe(Boolean(viaDirect.isError));
    }
    const echo = await client.callTool({ name: "everything__echo", arguments: { message: "through the gateway" } });
    expect(echo.content).toEqual([{ type: "text", text: "Echo: through the gateway" }]);
    await Promise.all([client.close(), upstreamClient.close()]);
  });

  it("refuses a tool outside the toolset exactly like a tool that does not exist", async () => {
    const client = await connect(mode);
    const outside = await client.callTool({ name: "test__secret", arguments: {} }).catch((e: Error) => e);
    const unknown = await client.callTool({ name: "test__nope", arguments: {} }).catch((e: Error) => e);
    expect(outside).toBeInstanceOf(Error);
    expect((outside as Error & { code: number }).code).toBe((unknown as Error & { code: number }).code);
    expect((outside as Error).message.replace("test__secret", "X")).toBe((unknown as Error).message.replace("test__nope", "X"));
    await client.close();
  });

  it("turns an upstream that sleeps past the timeout into an error within the timeout", async () => {
    const client = await connect(mode);
    const started = Date.now();
    const error = await client.callTool({ name: "test__sleep", arguments: { ms: 5000 } }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/did not answer within 2 s/);
    expect(Date.now() - started).toBeLessThan(4000);
    await client.close();
  });

  it("serves prompts and resources of the servers in reach", async () => {
    const client = await connect(mode);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain("test__welcome");
    const prompt = await client.getPrompt({ name: "test__welcome", arguments: { who: "Grace" } });
    expect(prompt.messages[0].content).toEqual({ type: "text", text: "Welcome Grace" });
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("test://readme");
    const read = await client.readResource({ uri: "test://readme" });
    expect(read.contents[0]).toMatchObject({ uri: "test://readme", text: "read me" });
    await client.close();
  });
});

describe("gateway security and failure modes", () => {
  const post = (path: string, headers: Record<string, string>, body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" }) =>
    fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", ...headers },
      body: JSON.stringify(body),
    });

  it("answers a missing or bad token with 401 and WWW-Authenticate, and ignores cookies and query tokens", async () => {
    const none = await post(`org/${tenant.org.slug}?access_token=${token}`, { cookie: "next-auth.session-token=x" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="control-room"');
    const bad = await post(`org/${tenant.org.slug}`, { authorization: "Bearer alk_svc_nope" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("does not accept organization A's token on organization B's endpoint", async () => {
    const response = await post(`org/${otherOrg.org.slug}`, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
  });

  it("refuses a foreign Origin with 403 and a bad Accept with 406", async () => {
    expect((await post(`org/${tenant.org.slug}`, { authorization: `Bearer ${token}`, origin: "https://evil.example" })).status).toBe(403);
    expect((await post(`org/${tenant.org.slug}`, { authorization: `Bearer ${token}`, accept: "text/html" })).status).toBe(406);
  });

  it("stops a revoked token between two calls", async () => {
    const { org, owner, audit } = tenant;
    const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: accountId }, input: { name: "short" }, createdById: owner.id, audit });
    const client = await connect("2026-07-28", minted.token);
    await client.callTool({ name: "test__greet", arguments: { name: "once" } });
    await revokeServiceToken({ orgId: org.id, owner: { serviceAccountId: accountId }, tokenId: minted.id, actorUserId: owner.id, audit });
    const error = await client.callTool({ name: "test__greet", arguments: { name: "twice" } }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/401|nauthorized|invalid/i);
  });

  it("reports an upstream that is down as an error, quickly", async () => {
    const { org, audit } = tenant;
    const doomed = await startTestUpstream();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Doomed", slug: "doomed", url: doomed.url, headers: {}, timeoutMs: 3000 }, audit });
    const toolset = await createToolset({ orgId: org.id, input: { name: "Doomed", description: "" }, audit });
    const greet = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "greet" } });
    await addToolsetTools({ orgId: org.id, toolsetId: toolset.id, toolIds: [greet.id], audit });
    await assignToolset({ orgId: org.id, toolsetId: toolset.id, input: { serviceAccountId: accountId }, audit });
    const client = await connect("2025-11-25");
    await client.callTool({ name: "doomed__greet", arguments: { name: "alive" } });
    await doomed.close();
    const started = Date.now();
    const error = await client.callTool({ name: "doomed__greet", arguments: { name: "dead" } }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Upstream "doomed"/);
    expect(Date.now() - started).toBeLessThan(3500);
    await client.close();
  });

  it("reports an upstream that answers garbage as an error, and marks it unhealthy", async () => {
    const { org, audit } = tenant;
    const server = await createMcpServer({ orgId: org.id, input: { name: "Garbage", slug: "garbage", url: garbage.url, headers: {}, timeoutMs: 2000 }, audit });
    expect(server.health).toBe("ERROR");
    expect(server.lastError).toBeTruthy();
    // A catalog entry left from a time it worked: calling it still fails cleanly.
    const tool = await db().catalogTool.create({ data: { orgId: org.id, serverId: server.id, name: "old", exposedName: "garbage__old", inputSchema: { type: "object" } } });
    const toolset = await createToolset({ orgId: org.id, input: { name: "Garbage", description: "" }, audit });
    await addToolsetTools({ orgId: org.id, toolsetId: toolset.id, toolIds: [tool.id], audit });
    await assignToolset({ orgId: org.id, toolsetId: toolset.id, input: { serviceAccountId: accountId }, audit });
    const client = await connect("2026-07-28");
    const error = await client.callTool({ name: "garbage__old", arguments: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Upstream "garbage"/);
    await client.close();
  });

  it("takes a disabled server's tools out of the list and the calls at once", async () => {
    const { org, audit } = tenant;
    const server = await db().mcpServer.findFirstOrThrow({ where: { orgId: org.id, slug: "everything" } });
    await updateMcpServer({ orgId: org.id, serverId: server.id, input: { enabled: false }, audit });
    const client = await connect("2025-11-25");
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).filter((n) => n.startsWith("everything__"))).toEqual([]);
    await expect(client.callTool({ name: "everything__echo", arguments: { message: "x" } })).rejects.toThrow(/Unknown tool/);
    await updateMcpServer({ orgId: org.id, serverId: server.id, input: { enabled: true }, audit });
    await client.close();
  });

  it("records every call with its outcome and sizes, never its bodies", async () => {
    await flushToolCalls();
    const calls = await db().toolCall.findMany({ where: { orgId: tenant.org.id, tokenId } });
    const outcomes = new Set(calls.map((c) => c.outcome));
    expect([...outcomes].sort()).toEqual(["DENIED", "ERROR", "OK", "TIMEOUT"]);
    const greet = calls.find((c) => c.exposedName === "test__greet" && c.outcome === "OK")!;
    expect(greet).toMatchObject({ serviceAccountId: accountId, argumentBytes: expect.any(Number), resultBytes: expect.any(Number) });
    expect(greet.resultBytes).toBeGreaterThan(0);
    expect(JSON.stringify(calls)).not.toContain("Hello, Ada!");
  });

  it("stores upstream header values only encrypted, and shows only their names", async () => {
    const server = await db().mcpServer.findFirstOrThrow({ where: { orgId: tenant.org.id, slug: "test" } });
    expect(server.headerNames).toEqual(["X-Api-Key"]);
    expect(server.headersEncrypted).toMatch(/^v1\./);
    expect(server.headersEncrypted).not.toContain("k-123");
    const events = await db().auditEvent.findMany({ where: { orgId: tenant.org.id }, omit: { seq: true } });
    expect(JSON.stringify(events)).not.toContain("k-123");
  });
});
