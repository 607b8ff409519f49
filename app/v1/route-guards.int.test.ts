import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { UserPrincipal } from "@/lib/principal";
import { accessAllows } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { addGroupMemberSchema, updateGroupSchema } from "@/lib/groups/contract";
import { accessModeSchema, setGrantsSchema } from "@/lib/grants/contract";
import { addGroupMember } from "@/lib/groups/add-group-member";
import { createGroup } from "@/lib/groups/create-group";
import type { OrgRouteOptions } from "@/lib/http/org-route";
import { handleMcpRequest } from "@/lib/mcp/relay/handle-mcp-request";
import { updateMcpServerSchema } from "@/lib/mcp-servers/contract";
import { updateMemberSchema } from "@/lib/members/contract";
import { addNetworkRule } from "@/lib/network/add-network-rule";
import { addNetworkRuleSchema, tokenRateLimitSchema } from "@/lib/network/contract";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { updateServiceAccountSchema } from "@/lib/service-accounts/contract";
import { addUserToOrg, createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { mintTokenSchema, rollTokenSchema } from "@/lib/tokens/contract";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { assignToolset } from "@/lib/toolsets/assign-toolset";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { addToolsetToolsSchema, assignToolsetSchema, updateToolsetSchema } from "@/lib/toolsets/contract";

// The same guards, asserted for every route file × exported method under
// app/v1, found on disk (a route added tomorrow is covered the day it is
// added): no credentials → 401; a member where the role lacks the
// permission → 403; a token without the grant → 403 insufficient_scope;
// another organization's slug or ids → 404. A route that is not made by
// orgRoute, or that lets tokens in without declaring the resource its path
// names, fails here. The MCP endpoint gets its own answers to the same
// callers at the end.

const session = vi.hoisted(() => ({ user: null as UserPrincipal | null }));
vi.mock("@/lib/auth/get-session-principal", () => ({ getSessionPrincipal: async () => session.user }));

/** The only /v1 handlers that are not orgRoute's, and why. */
const PUBLIC_ROUTES: Record<string, string> = { "GET /v1/openapi.json": "the API document is public, like any API description" };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { orgRoute?: OrgRouteOptions };

const V1 = path.join(import.meta.dirname);
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const routes = (
  await Promise.all(
    routeFiles(V1).map(async (file) => {
      const route = `/v1/${path.relative(V1, path.dirname(file)).split(path.sep).join("/")}`;
      const exports = (await import(file)) as Record<string, unknown>;
      return METHODS.filter((method) => typeof exports[method] === "function").map((method) => ({ method, route, handler: exports[method] as Handler }));
    }),
  )
).flat();
const guarded = routes.filter(({ method, route }) => !PUBLIC_ROUTES[`${method} ${route}`]);
const paramsOf = (route: string) => [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!).filter((name) => name !== "orgSlug");

/** A valid body per schema, so that a mutation with another organization's ids gets past parsing to the lookup. */
const SAMPLE_BODIES = new Map<z.ZodType, unknown>([
  [addGroupMemberSchema, { userId: "00000000-0000-4000-8000-000000000001" }],
  [updateGroupSchema, { name: "Renamed" }],
  [updateMcpServerSchema, { enabled: false }],
  [updateMemberSchema, { role: "ADMIN" }],
  [accessModeSchema, { accessMode: "FULL_ACCESS" }],
  [setGrantsSchema, { grants: [{ resourceType: "TOOLSET", resourceId: "00000000-0000-4000-8000-000000000002", level: "READ" }] }],
  [addNetworkRuleSchema, { cidr: "198.51.100.0/24" }],
  [updateServiceAccountSchema, { name: "Renamed" }],
  [tokenRateLimitSchema, { rateLimitPerMinute: 10 }],
  [mintTokenSchema, { name: "x" }],
  [rollTokenSchema, { grace: "none" }],
  [updateToolsetSchema, { name: "Renamed" }],
  [addToolsetToolsSchema, { toolIds: ["00000000-0000-4000-8000-000000000003"] }],
  [assignToolsetSchema, { groupId: "00000000-0000-4000-8000-000000000004" }],
]);

type Tenant = Awaited<ReturnType<typeof seedTenant>>;
let home: Tenant;
let foreign: Tenant;

/** One of everything a path can name, so every route finds something to touch in its own organization. */
async function seedTenant() {
  const tenant = await createTenant();
  const { org, owner, audit } = tenant;
  const member = await addUserToOrg(org.id, "MEMBER");
  const server = await db().mcpServer.create({ data: { orgId: org.id, name: "Guarded", slug: "guarded", url: "http://127.0.0.1:9/mcp" } });
  const tool = await db().catalogTool.create({ data: { orgId: org.id, serverId: server.id, name: "echo", exposedName: "guarded__echo", inputSchema: { type: "object" } } });
  const toolset = await createToolset({ orgId: org.id, input: { name: "Guarded set", description: "" }, audit });
  await addToolsetTools({ orgId: org.id, toolsetId: toolset.id, toolIds: [tool.id], audit });
  const group = await createGroup({ orgId: org.id, input: { name: "Guarded group", description: "" }, audit });
  await addGroupMember({ orgId: org.id, groupId: group.id, userId: member.id, audit });
  const account = await createServiceAccount({ orgId: org.id, input: { name: "Guarded bot", description: "" }, createdById: owner.id, audit });
  // Restricted, with no grant at all.
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "" }, createdById: owner.id, audit });
  const fullAccess = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "", accessMode: "FULL_ACCESS", grants: [] }, createdById: owner.id, audit });
  // On another account: an allowlist on the token's own would refuse it before any route guard.
  const fenced = await createServiceAccount({ orgId: org.id, input: { name: "Fenced bot", description: "" }, createdById: owner.id, audit });
  // No grant, no toolset, no allowlist: what a token may see over MCP when nothing was given to it.
  const idle = await createServiceAccount({ orgId: org.id, input: { name: "Idle bot", description: "" }, createdById: owner.id, audit });
  const idleToken = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: idle.id }, input: { name: "" }, createdById: owner.id, audit });
  const rule = await addNetworkRule({ orgId: org.id, serviceAccountId: fenced.id, cidr: "198.51.100.0/24", label: "", audit });
  const assignment = await assignToolset({ orgId: org.id, toolsetId: toolset.id, input: { serviceAccountId: account.id }, audit });
  const person = (user: { id: string; email: string; name: string }): UserPrincipal => ({ kind: "user", userId: user.id, email: user.email, name: user.name });
  return {
    slug: org.slug,
    owner: person(owner),
    member: person(member),
    restrictedToken: minted.token,
    idleToken: idleToken.token,
    fullAccessToken: fullAccess.token,
    ids: {
      serverId: server.id,
      toolId: tool.id,
      toolsetId: toolset.id,
      groupId: group.id,
      userId: member.id,
      serviceAccountId: account.id,
      tokenId: minted.id,
      ruleId: rule.id,
      assignmentId: assignment.id,
    } as Record<string, string>,
  };
}

beforeAll(async () => {
  await resetDatabase();
  home = await seedTenant();
  foreign = await seedTenant();
}, 60_000);

type Caller = { user?: UserPrincipal; token?: string };
/** Calls the handler in process; a body only where it must get past parsing (the guards all come before it). */
async function call({ method, route, handler }: (typeof routes)[number], caller: Caller, { slug = home.slug, ids = home.ids, withBody = false } = {}) {
  const params: Record<string, string> = { orgSlug: slug };
  for (const name of paramsOf(route)) {
    if (!ids[name]) throw new Error(`${method} ${route}: no fixture for [${name}]; add one to seedTenant in ${path.basename(import.meta.filename)}`);
    params[name] = ids[name];
  }
  const url = `http://localhost${route.replace(/\[(\w+)\]/g, (_, name: string) => params[name]!)}`;
  const schema = withBody ? handler.orgRoute?.body : undefined;
  if (schema && !SAMPLE_BODIES.has(schema)) throw new Error(`${method} ${route}: no sample body for its schema; add one to SAMPLE_BODIES`);
  const body = schema ? JSON.stringify(SAMPLE_BODIES.get(schema)) : undefined;
  session.user = caller.user ?? null;
  const headers: Record<string, string> = { host: "localhost", origin: "http://localhost" };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (body) headers["content-type"] = "application/json";
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
}

const label = ({ method, route }: { method: string; route: string }) => `${method} ${route}`;

describe("every /v1 route", () => {
  it("is found on disk", () => {
    expect(guarded.length).toBeGreaterThan(60);
  });

  it.each(guarded.map((r) => [label(r), r] as const))("%s is made by orgRoute and declares what a token may touch", (_, { route, handler }) => {
    const options = handler.orgRoute;
    expect(options, "not made by orgRoute: wrap it, or list it in PUBLIC_ROUTES with the reason").toBeDefined();
    if (!options!.tokens) return;
    const resource = options!.resource;
    expect(resource, "open to tokens without a `resource` declaration").not.toBeUndefined();
    const named = paramsOf(route);
    if (named.length === 0) return;
    // A token route whose path names something must check the token's grant on it.
    expect(resource && "param" in resource && named.includes(resource.param), `open to tokens, but its resource is not one of [${named.join("], [")}]`).toBe(true);
  });
});

describe.each(guarded.map((r) => [label(r), r] as const))("%s", (_, route) => {
  const options = () => route.handler.orgRoute!;

  it("answers 401 without credentials", async () => {
    const response = await call(route, {});
    expect(response.status).toBe(401);
  });

  it("answers 403 to a member whose role lacks the permission (and lets one in where it has it)", async () => {
    const allowed = accessAllows({ org: { id: "", slug: "", name: "" }, principal: home.member, role: "MEMBER" }, options().permission);
    const response = await call(route, { user: home.member });
    if (allowed) expect(response.status).toBeLessThan(300);
    else expect(response.status).toBe(403);
  });

  it("answers 403 insufficient_scope to a token without the grant", async () => {
    const response = await call(route, { token: home.restrictedToken });
    const resource = options().resource;
    // Lists and the caller's own identity answer a token with what it may see, maybe nothing.
    if (options().tokens && !(resource && "param" in resource)) return expect(response.status).toBe(200);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
  });

  it("answers 404 for another organization, and for another organization's ids", async () => {
    expect((await call(route, { user: home.owner }, { slug: foreign.slug })).status).toBe(404);
    if (paramsOf(route.route).length === 0) return;
    expect((await call(route, { user: home.owner }, { ids: foreign.ids, withBody: true })).status).toBe(404);
    if (options().tokens) expect((await call(route, { token: home.fullAccessToken }, { ids: foreign.ids, withBody: true })).status).toBe(404);
  });
});

describe("the MCP endpoint, POST /org/:slug", () => {
  let endpoint: http.Server;
  let url: (slug: string) => string;
  beforeAll(async () => {
    // Routed as server.ts routes it, without the catalog sync (the seeded upstreams do not exist).
    endpoint = http.createServer((req, res) => void handleMcpRequest(req, res, { slug: decodeURIComponent(/^\/org\/([^/?#]+)/.exec(req.url ?? "")![1]!) }));
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    url = (slug) => `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/org/${slug}`;
  });
  afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

  const post = (slug: string, headers: Record<string, string> = {}) =>
    fetch(url(slug), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });

  it("answers 401 without credentials, and to a token on another organization's endpoint", async () => {
    const anonymous = await post(home.slug);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    const elsewhere = await post(foreign.slug, { authorization: `Bearer ${home.fullAccessToken}` });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("shows a token given nothing no tool, and refuses it the tools of its own organization", async () => {
    const client = new Client({ name: "route-guards", version: "1" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(url(home.slug)), { requestInit: { headers: { authorization: `Bearer ${home.idleToken}` } } }));
    try {
      expect((await client.listTools()).tools).toEqual([]);
      await expect(client.callTool({ name: "guarded__echo", arguments: {} })).rejects.toThrow(/Unknown tool/);
    } finally {
      await client.close();
    }
  });
});
