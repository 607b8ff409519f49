import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/prisma";
import type { UserPrincipal } from "@/lib/principal";
import { encodeCursor, type Cursor } from "@/lib/pagination";
import type { OrgRouteOptions } from "@/lib/http/org-route";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createTenant } from "@/lib/testing/fixtures";
import type { RunningServer } from "@/lib/testing/mcp-upstreams";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startGateway } from "@/lib/testing/start-gateway";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// No input gives a 5xx: arbitrary strings (NUL and lone surrogates included),
// numbers, cursors and bodies thrown at every /v1 route file on disk (a route
// added later is covered without being listed here), as the signed-in owner
// and as a Full Access service token, and arbitrary JSON-RPC at the MCP endpoint.

let owner: UserPrincipal | null = null;
vi.mock("@/lib/auth/get-session-principal", () => ({ getSessionPrincipal: async () => owner }));

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { orgRoute?: OrgRouteOptions };
type Route = { file: string; pattern: string; method: string; handler: Handler };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const V1 = path.join(process.cwd(), "app", "v1");

function routeFiles(dir = V1): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(file)) as Record<string, Handler>;
    const pattern = "/v1/" + path.relative(V1, path.dirname(file)).split(path.sep).join("/");
    for (const method of METHODS) if (mod[method]) routes.push({ file, pattern, method, handler: mod[method] });
  }
  return routes;
}

let routes: Route[] = [];
let orgSlug: string;
let gateway: RunningServer;
/** Real ids by route parameter, so that part of the runs reach past the lookups. */
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.NEXTAUTH_URL = "http://localhost";
  await resetDatabase();
  const tenant = await createTenant();
  orgSlug = tenant.org.slug;
  owner = { kind: "user", userId: tenant.owner.id, email: tenant.owner.email, name: tenant.owner.name };
  const orgId = tenant.org.id;
  const account = await db().serviceAccount.create({ data: { orgId, name: "fuzz-bot" } });
  const server = await db().mcpServer.create({ data: { orgId, name: "Fuzz", slug: "fuzz", url: "http://127.0.0.1:9/mcp" } });
  const tool = await db().catalogTool.create({ data: { orgId, serverId: server.id, name: "t", exposedName: "fuzz__t", inputSchema: { type: "object" } } });
  const toolset = await db().toolset.create({ data: { orgId, name: "Fuzz set" } });
  const group = await db().group.create({ data: { orgId, name: "Fuzzers" } });
  const rule = await db().networkRule.create({ data: { orgId, cidr: "0.0.0.0/0" } });
  const minted = await mintServiceToken({ orgId, owner: { orgWide: true }, input: { name: "fuzz", accessMode: "FULL_ACCESS" }, createdById: tenant.owner.id, audit: tenant.audit });
  Object.assign(ids, {
    serviceAccountId: [account.id],
    serverId: [server.id],
    toolId: [tool.id],
    toolsetId: [toolset.id],
    groupId: [group.id],
    ruleId: [rule.id],
    userId: [tenant.owner.id],
    tokenId: [minted.id],
    assignmentId: [crypto.randomUUID()],
  });
  routes = await loadRoutes();
  gateway = await startGateway();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
});

/** A Full Access org-wide token of its own for each test: the runs call every route with real ids, revoking included. */
async function freshToken(): Promise<string> {
  const orgId = (await db().organization.findUniqueOrThrow({ where: { slug: orgSlug } })).id;
  const system = { actor: { kind: "SYSTEM" as const, id: null, label: "test" }, ip: null, userAgent: null, requestId: null };
  return (await mintServiceToken({ orgId, owner: { orgWide: true }, input: { name: "fuzz", accessMode: "FULL_ACCESS" }, createdById: null, audit: system })).token;
}

/** Strings PostgreSQL cannot store or that parsers trip on, mixed into arbitrary text. */
const nasty = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfffy", "%00", "'; --", "\\", "../..", "🙂", " ", "", "null", "-1", "1e400", "9223372036854775808");
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), nasty, fc.uuid());

const weirdDates = fc.oneof(
  fc.constantFrom("+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2026-02-31T00:00:00Z", "not a date"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const cursor = fc.oneof(
  fc.record({ createdAt: fc.date({ noInvalidDate: true }), id: fc.uuid() }).map((c: Cursor) => encodeCursor(c)),
  fc.tuple(weirdDates, fc.oneof(fc.uuid(), text)).map(b64),
  fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => b64(`seq:${n}`)), fc.constant(b64("seq:99999999999999999999"))),
  fc.jsonValue().map(b64),
  text,
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER * 10));
const scalar = fc.oneof(text, number.map(String), weirdDates, cursor);

const QUERY_KEYS = ["limit", "cursor", "search", "status", "tool", "outcome", "from", "to", "action", "actorKind", "actorId", "targetKind", "targetId", "format", "serviceAccountId", "serverId", "bucket", "type", "q"];

/** Every property name the body schema mentions, at any depth. */
function schemaKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === "object") Object.keys(record.properties).forEach((k) => keys.add(k));
    Object.values(record).forEach(walk);
  };
  try {
    walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  } catch {
    // a schema JSON Schema cannot describe: arbitrary keys only
  }
  return [...keys];
}

function bodyFor(keys: string[]): fc.Arbitrary<unknown> {
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 });
  const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text,
      number,
      fc.boolean(),
      fc.constant(null),
      weirdDates,
      fc.constantFrom("READ", "WRITE", "NONE", "OWNER", "ADMIN", "MEMBER", "ACTIVE", "DISABLED", "FULL_ACCESS", "RESTRICTED", "MCP_SERVER", "TOOLSET", "1h", "1y"),
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(key, tie("v"), { maxKeys: 4 }),
    ),
  })).v;
  return fc.oneof(fc.dictionary(key, value, { maxKeys: 6 }), fc.jsonValue(), fc.constant(undefined));
}

const paramNames = (pattern: string) => [...pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!).filter((n) => n !== "orgSlug");

const routeOf = (pattern: string, method: string) => routes.find((r) => r.pattern === pattern && r.method === method)!.handler;

describe("characters PostgreSQL cannot store", () => {
  it.each([
    ["a NUL in a body field", "/v1/orgs/[orgSlug]/groups", "POST", "", { name: "ops\u0000team" }, "name"],
    ["an unpaired surrogate in a nested field", "/v1/orgs/[orgSlug]/mcp-servers", "POST", "", { name: "X", slug: "x", url: "https://x.example/mcp", headers: { "X-Key": "\ud800" } }, "headers.X-Key"],
    ["a NUL in a filter", "/v1/orgs/[orgSlug]/service-accounts", "GET", "?search=a%00b", undefined, "search"],
    ["a NUL in the organization", "/v1/orgs/[orgSlug]/groups", "GET", "", undefined, "orgSlug"],
  ])("answer %s with a 400 naming the field", async (_, pattern, method, search, body, field) => {
    const request = new Request(`http://localhost${pattern}${search}`, {
      method,
      headers: { origin: "http://localhost", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const response = await routeOf(pattern, method)(request, { params: Promise.resolve({ orgSlug: field === "orgSlug" ? "a\u0000" : orgSlug }) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field, message: expect.stringContaining("cannot be stored") }]);
  });

  it.each([
    ["a date beyond PostgreSQL's range", b64(["+275760-09-13T00:00:00.000Z", crypto.randomUUID()])],
    ["a date before year 1", b64(["-000001-01-01T00:00:00.000Z", crypto.randomUUID()])],
    ["an id that is not a UUID", b64([new Date().toISOString(), "1"])],
  ])("answer a cursor holding %s with a 400 naming the cursor", async (_, cursor) => {
    const response = await routeOf("/v1/orgs/[orgSlug]/groups", "GET")(new Request(`http://localhost/v1/orgs/x/groups?cursor=${cursor}`), {
      params: Promise.resolve({ orgSlug }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: "cursor", message: "Invalid cursor" }]);
  });

  it.each([
    ["/v1/orgs/[orgSlug]/activity/summary", "to=0000-01-01T00:00:00.000Z"],
    ["/v1/orgs/[orgSlug]/activity/summary", "from=0001-01-01T00:00:00%2B14:00"],
    ["/v1/orgs/[orgSlug]/audit-events", "from=0000-01-01T00:00:00Z"],
  ])("answers %s?%s (a date PostgreSQL cannot compare) with a 400", async (pattern, search) => {
    const response = await routeOf(pattern, "GET")(new Request(`http://localhost/v1/orgs/x?${search}`), { params: Promise.resolve({ orgSlug }) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors?.[0]?.message).toMatch(/between 1970 and 9999/);
  });

  it("answers an audit cursor past the largest sequence number with a 400", async () => {
    const response = await routeOf("/v1/orgs/[orgSlug]/audit-events", "GET")(new Request(`http://localhost/v1/orgs/x/audit-events?cursor=${b64("seq:99999999999999999999")}`), {
      params: Promise.resolve({ orgSlug }),
    });
    expect(response.status).toBe(400);
  });
});

describe("no input makes a /v1 route answer 5xx", () => {
  it("covers every route file", () => {
    expect(new Set(routes.map((r) => r.file)).size).toBe(routeFiles().length);
    expect(routes.length).toBeGreaterThan(60);
  });

  it.each(["person", "token"] as const)("as a %s, for arbitrary params, query strings and bodies", async (as) => {
    const token = await freshToken();
    for (const route of routes) {
      const names = paramNames(route.pattern);
      const params = fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(fc.constantFrom(...(ids[n] ?? [crypto.randomUUID()])), fc.uuid(), text)])));
      const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), scalar, { maxKeys: 5 });
      const body = bodyFor(schemaKeys(route.handler.orgRoute?.body as z.ZodType | undefined));
      const slug = fc.oneof({ weight: 4, arbitrary: fc.constant(orgSlug) }, { weight: 1, arbitrary: text });
      await fc.assert(
        fc.asyncProperty(params, query, body, slug, async (p, q, b, s) => {
          const url = new URL(`http://localhost${route.pattern}`);
          for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
          const hasBody = route.method !== "GET" && b !== undefined;
          const request = new Request(url, {
            method: route.method,
            headers: {
              origin: "http://localhost",
              ...(as === "token" ? { authorization: `Bearer ${token}` } : {}),
              ...(hasBody ? { "content-type": "application/json" } : {}),
            },
            body: hasBody ? JSON.stringify(b) : undefined,
          });
          const response = await route.handler(request, { params: Promise.resolve({ orgSlug: s, ...p }) });
          if (response.status >= 500) {
            throw new Error(`${route.method} ${route.pattern} answered ${response.status}: ${await response.text()}`);
          }
          await response.body?.cancel().catch(() => undefined);
        }),
        { numRuns: 12, endOnFailure: true },
      );
    }
  }, 600_000);
});

describe("no input makes the MCP endpoint answer 5xx", () => {
  const header = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const METHODS_TRIED = ["tools/list", "tools/call", "prompts/list", "prompts/get", "resources/list", "resources/read", "resources/templates/list", "completion/complete", "tasks/get", "tasks/result", "tasks/cancel", "tasks/list", "server/discover", "subscriptions/listen", "initialize", "ping", "logging/setLevel", "notifications/cancelled"];
  const params = fc.record(
    {
      name: fc.oneof(fc.constant("fuzz__t"), text),
      arguments: fc.oneof(fc.dictionary(text, fc.jsonValue(), { maxKeys: 3 }), fc.jsonValue()),
      cursor,
      uri: fc.oneof(text, fc.constant("test://readme")),
      taskId: text,
      level: text,
      ref: fc.jsonValue(),
      argument: fc.jsonValue(),
      _meta: fc.oneof(
        fc.record({ "io.modelcontextprotocol/protocolVersion": fc.oneof(fc.constant("2026-07-28"), text), "io.modelcontextprotocol/clientCapabilities": fc.jsonValue(), "io.modelcontextprotocol/clientInfo": fc.jsonValue(), "io.modelcontextprotocol/logLevel": text }, { requiredKeys: [] }),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  );
  /** A message the endpoint will read (modern headers that agree with the body), then arbitrary ones. */
  const exchange = fc.oneof(
    { weight: 3, arbitrary: fc.record({ id: fc.oneof(fc.integer(), text), method: fc.constantFrom(...METHODS_TRIED), params }).map((m) => {
      const meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}, ...(typeof m.params._meta === "object" && m.params._meta && !Array.isArray(m.params._meta) ? m.params._meta : {}) };
      const body = { jsonrpc: "2.0", id: m.id, method: m.method, params: { ...m.params, _meta: meta } };
      const name = typeof m.params.name === "string" ? m.params.name : typeof m.params.uri === "string" ? m.params.uri : undefined;
      const headers: Record<string, string> = { "mcp-protocol-version": "2026-07-28", "mcp-method": m.method };
      if (name !== undefined && /^[\x20-\x7e]*$/.test(name)) headers["mcp-name"] = name;
      return { body, headers };
    }) },
    { weight: 1, arbitrary: fc.record({
      body: fc.oneof(fc.record({ jsonrpc: fc.oneof(fc.constant("2.0"), text), id: fc.oneof(fc.integer(), text, fc.constant(null)), method: fc.oneof(fc.constantFrom(...METHODS_TRIED), text), params: fc.oneof(params, fc.jsonValue()) }, { requiredKeys: [] }), fc.jsonValue()),
      headers: fc.record({ "mcp-session-id": header, "mcp-protocol-version": fc.oneof(fc.constantFrom("2025-11-25", "2026-07-28", "2025-06-18"), header), "mcp-method": header, "mcp-name": header, "last-event-id": header }, { requiredKeys: [] }),
    }) },
  );

  it("for arbitrary JSON-RPC messages, params and headers", async () => {
    const token = await freshToken();
    await fc.assert(
      fc.asyncProperty(
        exchange,
        fc.oneof({ weight: 6, arbitrary: fc.constant(`Bearer ${token}`) }, { weight: 1, arbitrary: header }),
        fc.oneof({ weight: 6, arbitrary: fc.constant(orgSlug) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) }),
        async ({ body, headers }, authorization, slug) => {
          const response = await fetch(`${gateway.url}org/${slug}`, {
            method: "POST",
            headers: { ...headers, authorization, "content-type": "application/json", accept: "application/json, text/event-stream" },
            body: JSON.stringify(body) ?? "null",
            signal: AbortSignal.timeout(10_000),
          });
          const answer = await response.text();
          if (response.status >= 500) throw new Error(`POST /org/:slug answered ${response.status}: ${answer}`);
        },
      ),
      { numRuns: 300, endOnFailure: true },
    );
  }, 300_000);
});

describe("a 2025-11-25 session (no Mcp-Name header to check names against)", () => {
  it("answers arbitrary names, URIs and arguments without a 5xx", async () => {
    const own = { token: await freshToken() };
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${gateway.url}org/${orgSlug}`, {
        method: "POST",
        headers: { authorization: `Bearer ${own.token}`, "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(body),
      });
    const init = await post({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } } });
    expect(init.status).toBe(200);
    const session = init.headers.get("mcp-session-id")!;
    await init.text();
    const legacy = { "mcp-session-id": session, "mcp-protocol-version": "2025-11-25" };
    // The example the property found: a NUL in a looked-up name is a 400 naming it, not a database error.
    const nul = await post({ jsonrpc: "2.0", id: 3, method: "resources/read", params: { uri: "a\u0000b" } }, legacy);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: { message: expect.stringContaining("uri contains a character that cannot be stored") } });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("tools/call", "prompts/get", "resources/read", "completion/complete", "tasks/get", "tasks/result", "tasks/cancel", "resources/subscribe", "logging/setLevel"),
        fc.record({ name: text, uri: text, arguments: fc.dictionary(text, fc.oneof(text, fc.jsonValue()), { maxKeys: 3 }), taskId: text, level: text, ref: fc.jsonValue(), cursor }, { requiredKeys: [] }),
        async (method, params) => {
          const response = await post({ jsonrpc: "2.0", id: 2, method, params }, legacy);
          const answer = await response.text();
          if (response.status >= 500) throw new Error(`${method} answered ${response.status}: ${answer}`);
        },
      ),
      { numRuns: 150, endOnFailure: true },
    );
  }, 300_000);
});
