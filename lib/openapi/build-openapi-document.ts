import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { OrgRouteOptions } from "@/lib/http/org-route";

// The OpenAPI 3.1 document of the admin API, built from the routes
// themselves: each /v1 handler made by orgRoute carries its options (the
// permission, whether tokens may call it, and the very zod schemas that parse
// its body and query), and zod 4 turns those into JSON Schema 2020-12, which
// is OpenAPI 3.1's schema dialect. The document cannot drift from what the
// routes accept.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteModule = Partial<Record<HttpMethod, unknown>>;
/** One route file: its path as Next names it (/v1/orgs/[orgSlug]/members) and its exports. */
export type RouteEntry = { path: string; module: RouteModule; describe?: Partial<Record<HttpMethod, Operation>> };

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

// Every code problem.ts can answer with; `satisfies` makes a new code break the build until it is listed here.
const ERROR_CODES = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} satisfies Record<ErrorCode, number>;

const PROBLEM_REF = { $ref: "#/components/responses/Problem" };

function toSchema(schema: z.ZodType): JsonSchema {
  // The dialect is the document's own (OpenAPI 3.1 is JSON Schema 2020-12): no $schema per schema.
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** An object schema's properties, an intersection's (`a.and(b)`) merged. */
function objectProperties(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } {
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as JsonSchema[]).map(objectProperties);
    return { properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required) };
  }
  return { properties: (schema.properties as Record<string, JsonSchema>) ?? {}, required: (schema.required as string[]) ?? [] };
}

const words = (segment: string) => segment.replace(/-/g, " ").replace(/\bmcp\b/g, "MCP");
const isParam = (segment: string) => /^\[.+\]$/.test(segment);
const singular = (noun: string) => noun.replace(/ies$/, "y").replace(/s$/, "");
const withArticle = (noun: string) => `${/^[aeiou]|^MCP/i.test(noun) ? "an" : "a"} ${noun}`;

// Where the rule below would say something vague.
const SUMMARIES: Record<string, string> = {
  "GET /v1/orgs/[orgSlug]/whoami": "Who is calling (a person or a service token)",
  "GET /v1/orgs/[orgSlug]/audit-events/export": "Export the audit log (CSV or JSON lines), streamed",
  "GET /v1/orgs/[orgSlug]/audit-events/verify": "Verify the audit log's hash chain",
  "POST /v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync": "Sync the MCP server's catalog now",
  "POST /v1/orgs/[orgSlug]/network-rules/test": "Test an address against the allowlists",
  "GET /v1/orgs/[orgSlug]/activity/calls": "List recent tool calls",
  "GET /v1/orgs/[orgSlug]/activity/summary": "Summarize tool calls (per hour, per tool, per service account)",
  "GET /v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity/summary": "Summarize the service account's tool calls",
  "GET /v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity": "List the service account's tool calls",
};

/** "List service accounts", "Update a group" … from the method and the path's last segments. */
function summarize(method: HttpMethod, path: string, segments: string[]): string {
  const override = SUMMARIES[`${method} ${path}`];
  if (override) return override;
  if (segments.length === 3) return "Get the organization";
  const last = segments.at(-1)!;
  if (isParam(last)) {
    const resource = withArticle(singular(words(segments.at(-2)!)));
    return `${{ GET: "Get", PATCH: "Update", PUT: "Replace", DELETE: "Delete", POST: "Act on" }[method]} ${resource}`;
  }
  const noun = words(last);
  // A plural segment is a collection; anything else (settings, grants, access-mode …) is one thing of its parent's.
  const collection = /s$/.test(last) && !["settings", "grants", "permissions", "effective-access"].includes(last);
  if (collection) return method === "GET" ? `List ${noun}` : method === "POST" ? `Add ${withArticle(singular(noun))}` : `${method} ${noun}`;
  return `${{ GET: "Get", PATCH: "Update", PUT: "Set", DELETE: "Delete", POST: "Run" }[method]} ${noun}`;
}

function pathParameters(segments: string[]): Operation[] {
  return segments.filter(isParam).map((segment) => {
    const name = segment.slice(1, -1);
    const uuid = /Id$/.test(name);
    return {
      name,
      in: "path",
      required: true,
      schema: uuid ? { type: "string", format: "uuid" } : { type: "string" },
      description: name === "orgSlug" ? "The organization's slug" : undefined,
    };
  });
}

/** What a token needs beyond the permission, from the route's resource declaration. */
function tokenScope(resource: OrgRouteOptions["resource"]): string {
  if (!resource) return "";
  const what = resource.type === "MCP_SERVER" ? "MCP server" : "toolset";
  if ("list" in resource) return `; a token sees the ${what}s it holds Read or Write on (all with Full Access)`;
  return `; a token needs ${resource.level === "WRITE" ? "Write" : "Read"} on the ${what} it names (or Full Access)`;
}

function orgOperation(method: HttpMethod, nextPath: string, segments: string[], options: OrgRouteOptions, tag: string): Operation {
  const parameters = [...pathParameters(segments)];
  if (options.query) {
    const { properties, required } = objectProperties(toSchema(options.query as z.ZodType));
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push({ name, in: "query", required: required.includes(name), schema });
    }
  }
  const status = options.status ?? (method === "DELETE" ? 204 : 200);
  const success =
    status === 204
      ? { description: "Done; no content" }
      : { description: "Success", content: { "application/json": { schema: {} } } };
  return {
    operationId: `${method.toLowerCase()}${segments.slice(3).map((s) => s.replace(/[[\]]/g, "").replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())).join("") || "Organization"}`,
    summary: summarize(method, nextPath, segments),
    description: `Needs \`${options.permission}\`. ${options.tokens ? `People (session cookie) and service tokens (\`Authorization: Bearer alk_svc_…\`)${tokenScope(options.resource)}.` : "People only (session cookie); a service token is refused with 403."}`,
    tags: [tag],
    "x-permission": options.permission,
    ...(options.resource ? { "x-resource": options.resource } : {}),
    security: options.tokens ? [{ session: [] }, { serviceToken: [] }] : [{ session: [] }],
    parameters,
    ...(options.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(options.body as z.ZodType) } } } } : {}),
    responses: { [String(status)]: success, "4XX": PROBLEM_REF, "5XX": PROBLEM_REF },
  };
}

/** /v1/orgs/[orgSlug]/service-accounts/[id] → /v1/orgs/{orgSlug}/service-accounts/{id} */
export function openApiPath(nextPath: string): string {
  return nextPath.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
}

export function buildOpenApiDocument({ routes, version }: { routes: RouteEntry[]; version: string }) {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const { path, module, describe } of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const segments = path.split("/").filter(Boolean);
    const tag = segments[3] ?? (segments[1] === "orgs" ? "organization" : "meta");
    const item: Record<string, Operation> = {};
    for (const method of HTTP_METHODS) {
      const handler = module[method] as { orgRoute?: OrgRouteOptions } | undefined;
      if (!handler) continue;
      const described = describe?.[method];
      if (described) item[method.toLowerCase()] = described;
      else if (handler.orgRoute) item[method.toLowerCase()] = orgOperation(method, path, segments, handler.orgRoute, tag);
      else throw new Error(`${method} ${path} is not made by orgRoute and has no description: describe it for the API document`);
    }
    paths[openApiPath(path)] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Control Room admin API",
      version,
      description:
        "Manage an organization's people, groups, service accounts and tokens, MCP servers, toolsets, network rules, settings, audit log and activity. " +
        "JSON in and out; every error is RFC 9457 problem+json with a requestId (also in X-Request-Id). Lists take `limit` (at most 100) and an opaque `cursor`, and return `{ items, nextCursor }`; the lists that take `sort` also return `total` (matching the filters) and `unfilteredTotal`. " +
        "Another organization's objects are 404.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A person signed in to the Control Room. Mutations must carry a same-origin Origin header." },
        serviceToken: { type: "http", scheme: "bearer", description: "A service token, alk_svc_…, on the routes that accept one." },
      },
      schemas: {
        Problem: {
          type: "object",
          description: "RFC 9457 problem details",
          required: ["type", "title", "status", "detail", "code", "requestId"],
          properties: {
            type: { type: "string", format: "uri" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string", description: "What went wrong, for people" },
            code: { type: "string", enum: Object.keys(ERROR_CODES) },
            requestId: { type: "string", description: "Quote it when reporting a problem; also in X-Request-Id" },
            errors: {
              type: "array",
              description: "One entry per offending field (validation_failed)",
              items: { type: "object", required: ["field", "message"], properties: { field: { type: "string" }, message: { type: "string" } } },
            },
          },
        },
      },
      responses: {
        Problem: {
          description: "An error: 400 invalid input (naming the field), 401, 403, 404 (also another organization's objects), 409, 413, 429 (with Retry-After), 500, 503 while the database is away (with Retry-After)",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
