import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as serverList from "@/app/v1/orgs/[orgSlug]/mcp-servers/route";
import * as serverItem from "@/app/v1/orgs/[orgSlug]/mcp-servers/[serverId]/route";
import * as serverSync from "@/app/v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync/route";
import * as toolsetList from "@/app/v1/orgs/[orgSlug]/toolsets/route";
import * as toolsetItem from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/route";
import { db } from "@/lib/db/prisma";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { setGrants } from "@/lib/grants/set-grants";
import { startGateway } from "@/lib/testing/start-gateway";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startTestUpstream, type RunningServer } from "@/lib/testing/mcp-upstreams";

// Every cell of mode × level × resource type, against every admin route and
// MCP method the level governs: allowed exactly where the rules say.

type Mode = "RESTRICTED" | "FULL_ACCESS";
type Level = "NONE" | "READ" | "WRITE";
type Kind = "MCP_SERVER" | "TOOLSET";

let upstream: RunningServer;
let gateway: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let serverId: string;
let toolsetId: string;

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  await resetDatabase();
  upstream = await startTestUpstream();
  gateway = await startGateway();
  tenant = await createTenant();
  const { org, audit } = tenant;
  serverId = (await createMcpServer({ orgId: org.id, input: { name: "Matrix", slug: "matrix", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit })).id;
  const toolset = await createToolset({ orgId: org.id, input: { name: "Matrix set", description: "" }, audit });
  toolsetId = toolset.id;
  const greet = await db().catalogTool.findFirstOrThrow({ where: { serverId, name: "greet" } });
  await addToolsetTools({ orgId: org.id, toolsetId, toolIds: [greet.id], audit });
}, 60_000);

afterAll(async () => {
  await Promise.all([upstream?.close(), gateway?.close()]);
});

async function botFor(mode: Mode, kind: Kind, level: Level) {
  const { org, owner, audit } = tenant;
  const account = await createServiceAccount({ orgId: org.id, input: { name: `bot-${mode}-${kind}-${level}-${crypto.randomUUID().slice(0, 8)}`, description: "" }, createdById: owner.id, audit });
  if (mode === "FULL_ACCESS") await db().serviceAccount.update({ where: { id: account.id }, data: { accessMode: "FULL_ACCESS" } });
  if (level !== "NONE") {
    await setGrants({ orgId: org.id, grantee: { serviceAccountId: account.id }, entries: [{ resourceType: kind, resourceId: kind === "MCP_SERVER" ? serverId : toolsetId, level }], audit });
  }
  const { token } = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "" }, createdById: owner.id, audit });
  return token;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, token: string, path: string, params: Record<string, string>, method = "GET", body?: unknown) {
  const request = new Request(`http://localhost/v1/orgs/${tenant.org.slug}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return handler(request, { params: Promise.resolve({ orgSlug: tenant.org.slug, ...params }) });
}

async function mcp(token: string) {
  const client = new Client({ name: "matrix", version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}org/${tenant.org.slug}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

const rank = { NONE: 0, READ: 1, WRITE: 2 } as const;
const cells = (["RESTRICTED", "FULL_ACCESS"] as const).flatMap((mode) =>
  (["MCP_SERVER", "TOOLSET"] as const).flatMap((kind) => (["NONE", "READ", "WRITE"] as const).map((level) => ({ mode, kind, level }))),
);

describe.each(cells)("$mode with $level on the $kind", ({ mode, kind, level }) => {
  const full = mode === "FULL_ACCESS";
  const on = (k: Kind, needed: Level) => full || (kind === k && rank[level] >= rank[needed]);
  const expected = {
    listServers: on("MCP_SERVER", "READ"),
    getServer: on("MCP_SERVER", "READ"),
    updateServer: on("MCP_SERVER", "WRITE"),
    syncServer: on("MCP_SERVER", "WRITE"),
    listToolsets: on("TOOLSET", "READ"),
    getToolset: on("TOOLSET", "READ"),
    updateToolset: on("TOOLSET", "WRITE"),
    listTools: on("MCP_SERVER", "WRITE"),
    callTool: on("MCP_SERVER", "WRITE"),
    listPrompts: on("MCP_SERVER", "READ"),
    readResource: on("MCP_SERVER", "READ"),
  };

  it("is allowed exactly what the rules give, on the admin API and over MCP", async () => {
    const token = await botFor(mode, kind, level);
    const status = (ok: boolean, response: Response) => (ok ? response.status === 200 : response.status === 403);
    const listedServers = await (await call(serverList.GET, token, "/mcp-servers", {})).json();
    const listedToolsets = await (await call(toolsetList.GET, token, "/toolsets", {})).json();
    const actual = {
      listServers: listedServers.items.some((s: { id: string }) => s.id === serverId),
      getServer: (await call(serverItem.GET, token, `/mcp-servers/${serverId}`, { serverId })).status === 200,
      updateServer: (await call(serverItem.PATCH, token, `/mcp-servers/${serverId}`, { serverId }, "PATCH", { timeoutMs: 5000 })).status === 200,
      syncServer: (await call(serverSync.POST, token, `/mcp-servers/${serverId}/sync`, { serverId }, "POST")).status === 200,
      listToolsets: listedToolsets.items.some((t: { id: string }) => t.id === toolsetId),
      getToolset: (await call(toolsetItem.GET, token, `/toolsets/${toolsetId}`, { toolsetId })).status === 200,
      updateToolset: (await call(toolsetItem.PATCH, token, `/toolsets/${toolsetId}`, { toolsetId }, "PATCH", { description: `by ${mode}` })).status === 200,
      listTools: false,
      callTool: false,
      listPrompts: false,
      readResource: false,
    };
    // Denials are 403 insufficient_scope, never 404, for the organization's own resources.
    if (!expected.getServer) expect(status(false, await call(serverItem.GET, token, `/mcp-servers/${serverId}`, { serverId }))).toBe(true);

    const client = await mcp(token);
    const { tools } = await client.listTools();
    actual.listTools = tools.some((t) => t.name === "matrix__greet");
    actual.callTool = await client.callTool({ name: "matrix__greet", arguments: { name: "m" } }).then(() => true, () => false);
    actual.listPrompts = (await client.listPrompts()).prompts.some((p) => p.name === "matrix__welcome");
    actual.readResource = await client.readResource({ uri: "test://readme" }).then(() => true, () => false);
    await client.close();

    expect(actual).toEqual(expected);
  });
});

describe("admin routes a token never passes", () => {
  it("refuses even a Full Access token on creating and deleting toolsets and servers", async () => {
    const token = await botFor("FULL_ACCESS", "MCP_SERVER", "NONE");
    expect((await call(serverList.POST, token, "/mcp-servers", {}, "POST", { name: "X", slug: "x", url: upstream.url })).status).toBe(403);
    expect((await call(toolsetList.POST, token, "/toolsets", {}, "POST", { name: "X" })).status).toBe(403);
    expect((await call(toolsetItem.DELETE, token, `/toolsets/${toolsetId}`, { toolsetId }, "DELETE")).status).toBe(403);
    expect(await db().toolset.count({ where: { id: toolsetId } })).toBe(1);
    // Write on the server (here, Full Access) still does not let a token delete it.
    const deleted = await call(serverItem.DELETE, token, `/mcp-servers/${serverId}`, { serverId }, "DELETE");
    expect(deleted.status).toBe(403);
    expect(deleted.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(await db().mcpServer.count({ where: { id: serverId } })).toBe(1);
  });

  it("treats another organization's server as not found, whatever the token holds", async () => {
    const other = await createTenant();
    const otherServer = await createMcpServer({ orgId: other.org.id, input: { name: "Theirs", slug: "theirs", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit: other.audit });
    const token = await botFor("FULL_ACCESS", "MCP_SERVER", "NONE");
    expect((await call(serverItem.GET, token, `/mcp-servers/${otherServer.id}`, { serverId: otherServer.id })).status).toBe(404);
    expect((await call(serverItem.PATCH, token, `/mcp-servers/${otherServer.id}`, { serverId: otherServer.id }, "PATCH", { enabled: false })).status).toBe(404);
  });
});
