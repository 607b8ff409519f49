import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { setAccessMode } from "@/lib/grants/set-access-mode";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { createTenant } from "@/lib/testing/fixtures";
import { startTestUpstream, testUpstreamEvents, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startGateway } from "@/lib/testing/start-gateway";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { flushToolCalls } from "@/lib/usage/record-tool-call";

// The relay's own promises: deadlines that progress cannot stretch, the
// upstream told when a call stops, errors that name their cause, sessions,
// and the endpoint's request rules.

let gateway: RunningServer;
let upstream: RunningServer;
let broken: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;
let tokenId: string;
const MODES = { "2025-11-25": undefined, "2026-07-28": { mode: { pin: "2026-07-28" } } } as const;
type Mode = keyof typeof MODES;

/** An upstream that starts an SSE answer, sends half an event and drops the connection. */
function startTruncatingUpstream(): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const message = JSON.parse(body || "{}");
      if (message.method !== "tools/call") {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ jsonrpc: "2.0", id: message.id ?? null, error: { code: -32601, message: "no" } }));
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('event: message\ndata: {"jsonrpc":"2.0","id":');
      setTimeout(() => res.socket?.destroy(), 50);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/mcp`, port, close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))) });
    }),
  );
}

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  process.env.NEXTAUTH_URL = "https://control-room.example";
  await resetDatabase();
  [gateway, upstream, broken] = await Promise.all([startGateway(), startTestUpstream(), startTruncatingUpstream()]);
  tenant = await createTenant();
  const { org, owner, audit } = tenant;
  const server = await createMcpServer({ orgId: org.id, input: { name: "Test", slug: "test", url: upstream.url, headers: {}, timeoutMs: 2000 }, audit });
  expect(server.health).toBe("HEALTHY");
  const truncating = await createMcpServer({ orgId: org.id, input: { name: "Cut", slug: "cut", url: broken.url, headers: {}, timeoutMs: 10_000 }, audit });
  await db().catalogTool.create({ data: { orgId: org.id, serverId: truncating.id, name: "half", exposedName: "cut__half", inputSchema: { type: "object" } } });
  const account = await createServiceAccount({ orgId: org.id, input: { name: "relay-bot", description: "" }, createdById: owner.id, audit });
  await setAccessMode({ orgId: org.id, grantee: { serviceAccountId: account.id }, accessMode: "FULL_ACCESS", audit });
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "relay" }, createdById: owner.id, audit });
  token = minted.token;
  tokenId = minted.id;
}, 60_000);

afterAll(async () => {
  delete process.env.NEXTAUTH_URL;
  await Promise.all([gateway?.close(), upstream?.close(), broken?.close()]);
});

async function connect(mode: Mode) {
  const client = new Client({ name: "relay-test", version: "1.0.0" }, MODES[mode] ? { versionNegotiation: MODES[mode] } : {});
  await client.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}org/${tenant.org.slug}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }), { timeout: 10_000 });
  return client;
}

const events = (label: string) => testUpstreamEvents.filter((e) => e.label === label);

describe.each(Object.keys(MODES) as Mode[])("deadlines and cancellation, %s", (mode) => {
  it("ends a call at the server's timeout however much progress arrives, and tells the upstream", async () => {
    const client = await connect(mode);
    const label = `deadline-${mode}`;
    const progress: unknown[] = [];
    const started = Date.now();
    // The caller would wait 20 s and reset on progress; the server's timeout (2 s) is what holds.
    const error = await client
      .callTool({ name: "test__tick", arguments: { everyMs: 300, totalMs: 8000, label } }, { timeout: 20_000, resetTimeoutOnProgress: true, onprogress: (p) => progress.push(p) })
      .catch((e: Error) => e);
    const took = Date.now() - started;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/did not answer within 2 s/);
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(3500);
    expect(progress.length).toBeGreaterThan(2);
    await expect.poll(() => events(label)).toEqual([expect.objectContaining({ kind: "cancelled" })]);
    expect(events(label)[0].afterMs).toBeLessThan(3500);
    await client.close();
  });

  it("cancels the upstream call when the caller gives up, and records it as cancelled", async () => {
    const client = await connect(mode);
    const label = `abandon-${mode}`;
    await flushToolCalls();
    const cancelledBefore = await db().toolCall.count({ where: { tokenId, exposedName: "test__tick", outcome: "CANCELLED" } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 600);
    await client.callTool({ name: "test__tick", arguments: { everyMs: 200, totalMs: 1800, label } }, { signal: controller.signal }).catch(() => {});
    await expect.poll(() => events(label)).toEqual([expect.objectContaining({ kind: "cancelled" })]);
    // Records of one flush share their insert time: count the cancelled ones instead of taking "the latest".
    const cancelled = async () => {
      await flushToolCalls();
      return db().toolCall.count({ where: { tokenId, exposedName: "test__tick", outcome: "CANCELLED" } });
    };
    await expect.poll(cancelled).toBe(cancelledBefore + 1);
    await client.close();
  });
});

describe("errors that name their cause", () => {
  it("fails a stream cut mid-event at once as closed mid-stream, not after the timeout", async () => {
    const client = await connect("2026-07-28");
    const started = Date.now();
    const error = await client.callTool({ name: "cut__half", arguments: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Upstream "cut" closed the stream before it answered/);
    expect(Date.now() - started).toBeLessThan(2000);
    await client.close();
  });

  it("names an unreachable upstream as unreachable", async () => {
    const { org, audit } = tenant;
    const gone = await startTestUpstream();
    await gone.close();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Gone", slug: "gone", url: gone.url, headers: {}, timeoutMs: 5000 }, audit });
    await db().catalogTool.create({ data: { orgId: org.id, serverId: server.id, name: "greet", exposedName: "gone__greet", inputSchema: { type: "object" } } });
    const client = await connect("2026-07-28");
    const error = await client.callTool({ name: "gone__greet", arguments: { name: "x" } }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/Upstream "gone" is unreachable: it refused the connection/);
    await client.close();
  });

  it("passes the upstream's own JSON-RPC errors through with their codes", async () => {
    const client = await connect("2025-11-25");
    const error = (await client.callTool({ name: "test__greet", arguments: { name: 42 } }).catch((e: Error) => e)) as Error & { code?: number };
    const direct = new Client({ name: "direct", version: "1.0.0" });
    await direct.connect(new StreamableHTTPClientTransport(new URL(upstream.url)));
    const expected = (await direct.callTool({ name: "greet", arguments: { name: 42 } }).catch((e: Error) => e)) as Error & { code?: number };
    expect(JSON.stringify(error.message ?? error)).toBe(JSON.stringify(expected.message ?? expected));
    await Promise.all([client.close(), direct.close()]);
  });
});

describe("the endpoint's request rules", () => {
  const post = (headers: Record<string, string>, body: unknown, protocol = "2025-11-25") =>
    fetch(`${gateway.url}org/${tenant.org.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": protocol, authorization: `Bearer ${token}`, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const list = { jsonrpc: "2.0", id: 1, method: "tools/list" };

  it("checks Origin against the configured origins, never against Host", async () => {
    expect((await post({ host: "evil.example", origin: "http://evil.example" }, list)).status).toBe(403);
    expect((await post({ origin: "http://localhost:3000" }, list)).status).toBe(403);
    expect((await post({ origin: "https://control-room.example" }, list)).status).toBe(200);
    expect((await post({}, list)).status).toBe(200);
  });

  it("refuses JSON-RPC batches as a whole, running none of them", async () => {
    await flushToolCalls();
    const before = await db().toolCall.count({ where: { tokenId } });
    const calls = Array.from({ length: 5 }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "tools/call", params: { name: "test__greet", arguments: { name: `n${i}` } } }));
    const response = await post({}, calls);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/batches are not supported/) } });
    await flushToolCalls();
    expect(await db().toolCall.count({ where: { tokenId } })).toBe(before);
  });

  it("answers a request with two Authorization headers as an invalid token", async () => {
    // Written by hand: HTTP clients merge or refuse repeated headers; an attacker's raw request does not.
    const body = JSON.stringify(list);
    const head = [
      `POST /org/${tenant.org.slug} HTTP/1.1`,
      `Host: 127.0.0.1:${gateway.port}`,
      "Content-Type: application/json",
      "Accept: application/json, text/event-stream",
      `Authorization: Bearer ${token}`,
      "Authorization: Bearer alk_svc_someoneelse",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
    ].join("\r\n");
    const answer = await new Promise<string>((resolve) => {
      let text = "";
      const socket = net.connect(gateway.port, "127.0.0.1", () => socket.write(`${head}\r\n\r\n${body}`));
      socket.on("data", (chunk) => (text += chunk));
      socket.on("end", () => resolve(text));
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 401 Unauthorized");
    expect(answer.toLowerCase()).toContain('www-authenticate: bearer realm="control-room", error="invalid_token"');
  });

  it("gives 2025-11-25 callers a session that DELETE ends, everywhere", async () => {
    const init = await post({}, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "curl", version: "1" } } });
    expect(init.status).toBe(200);
    const sessionId = init.headers.get("mcp-session-id")!;
    expect(sessionId).toMatch(/^[\x21-\x7e]{32,}$/);
    expect((await post({ "mcp-session-id": sessionId }, list)).status).toBe(200);
    const deleted = await fetch(`${gateway.url}org/${tenant.org.slug}`, { method: "DELETE", headers: { authorization: `Bearer ${token}`, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" } });
    expect(deleted.status).toBe(200);
    expect((await post({ "mcp-session-id": sessionId }, list)).status).toBe(404);
    // The id is no bearer: only its SHA-256 is stored.
    expect(JSON.stringify(await db().gatewaySession.findMany())).not.toContain(sessionId);
  });

  it("does not let another token use a session", async () => {
    const { org, owner, audit } = tenant;
    const other = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "other" }, createdById: owner.id, audit });
    const init = await post({}, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "a", version: "1" } } });
    const sessionId = init.headers.get("mcp-session-id")!;
    expect((await post({ "mcp-session-id": sessionId, authorization: `Bearer ${other.token}` }, list)).status).toBe(404);
  });

  it("answers methods 2026-07-28 removed with 404 Method not found, keeping the request id", async () => {
    const meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
    const response = await post({ "mcp-method": "ping" }, { jsonrpc: "2.0", id: 77, method: "ping", params: { _meta: meta } }, "2026-07-28");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ id: 77, error: { code: -32601 } });
  });
});
