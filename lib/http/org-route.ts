import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { accessAllows, type Permission } from "@/lib/auth/permissions";
import { actorOf, type AuditContext, type OrgAccess, type PersonOrgAccess } from "@/lib/principal";
import type { GrantLevel, ResourceType } from "@/lib/generated/prisma/enums";
import { authorizeResource, RESOURCE_LABEL, visibleResourceIds } from "@/lib/grants/authorize-resource";
import { resolveOrgAccess } from "@/lib/orgs/resolve-org-access";
import { clientIp } from "@/lib/client-ip";
import { problemResponse } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isSameOriginMutation } from "@/lib/http/same-origin";
import { assertStorableInput } from "@/lib/storable-input";

type Params = Record<string, string>;

/** One grant-governed resource, named by a path parameter: a token needs `level` on it. */
export type ResourceParam = { type: ResourceType; param: string; level: GrantLevel };
/** A list of one resource type: a token sees only what it may read. */
export type ResourceList = { type: ResourceType; list: true };
/** What a route touches; null: no grant-governed resource (the caller's own identity, say). */
export type ResourceDeclaration = ResourceParam | ResourceList | null;

/** What the wrapper adds for the declared resource: its checked id, or the ids a token may see (null: all). */
type ResourceContext<R extends ResourceDeclaration> = R extends ResourceParam ? { resourceId: string } : R extends ResourceList ? { visibleIds: string[] | null } : unknown;

export type OrgRouteContext<Body, Query, Access extends OrgAccess = PersonOrgAccess, R extends ResourceDeclaration = null> = Access &
  ResourceContext<R> & {
    req: Request;
    params: Params;
    body: Body;
    query: Query;
    audit: AuditContext;
    requestId: string;
  };

type Options<Body, Query> = {
  /** What the caller must be allowed to do in the organization. */
  permission: Permission;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  /** Status of a successful response with a body (default 200); no body means 204. */
  status?: number;
  /** Extra response headers on success. */
  headers?: Record<string, string>;
};

type Handler<Body, Query, Access extends OrgAccess, R extends ResourceDeclaration> = (ctx: OrgRouteContext<Body, Query, Access, R>) => Promise<unknown>;
/** What a route declares, kept on its handler for the API document (lib/openapi) and the route test. */
export type OrgRouteOptions = Options<unknown, unknown> & { tokens?: boolean; resource?: ResourceDeclaration };
type RouteHandler = ((req: Request, context: { params: Promise<Params> }) => Promise<Response>) & { orgRoute: OrgRouteOptions };

/**
 * The one wrapper every /v1/orgs/:orgSlug/... handler goes through: request
 * id, client IP, authentication (session cookie, or a bearer service token
 * where the route says `tokens: true`), CSRF for cookies, organization and
 * permission, the resource the route declares (a token's grant on it), body
 * limit and zod parsing, then the handler; every error leaves as
 * problem+json. A route open to tokens must say what it touches: the
 * permission alone would let any token at every resource of that type.
 */
export function orgRoute<Body = undefined, Query = undefined, R extends ResourceDeclaration = null>(
  options: Options<Body, Query> & { tokens?: false; resource?: R },
  handler: Handler<Body, Query, PersonOrgAccess, R>,
): RouteHandler;
export function orgRoute<Body = undefined, Query = undefined, R extends ResourceDeclaration = null>(
  options: Options<Body, Query> & { tokens: true; resource: R },
  handler: Handler<Body, Query, OrgAccess, R>,
): RouteHandler;
export function orgRoute<Body, Query>(
  options: Options<Body, Query> & { tokens?: boolean; resource?: ResourceDeclaration },
  handler: Handler<Body, Query, PersonOrgAccess, ResourceDeclaration> | Handler<Body, Query, OrgAccess, ResourceDeclaration>,
): RouteHandler {
  const route = async (req: Request, context: { params: Promise<Params> }) => {
    const requestId = randomUUID();
    try {
      const params = await context.params;
      // Path and query as the body (read-json-body): nothing PostgreSQL cannot store gets further.
      assertStorableInput({ ...params, ...Object.fromEntries(new URL(req.url).searchParams) });
      const ip = clientIp(req.headers);
      const authentication = await authenticateRequest(req, ip, requestId);
      if (!authentication) throw new AppError("unauthorized", "Sign in, or send a service token as Authorization: Bearer");
      if (authentication.via === "session" && !isSameOriginMutation(req)) {
        throw new AppError("forbidden", "Cross-site request refused: the Origin header must match this site");
      }
      const access = await resolveOrgAccess({ slug: params.orgSlug ?? "", principal: authentication.principal });
      if (!access) throw new AppError("not_found", "Organization not found");
      if (access.principal.kind === "token" && !options.tokens) {
        throw new AppError("forbidden", "Service tokens cannot use this endpoint; it is for people signed in to the Control Room", {
          bearerError: "insufficient_scope",
        });
      }
      if (!accessAllows(access, options.permission)) {
        const who = access.principal.kind === "user" ? `Your role (${access.role})` : "This token";
        throw new AppError("forbidden", `${who} does not allow ${options.permission}`, {
          bearerError: access.principal.kind === "token" ? "insufficient_scope" : undefined,
        });
      }
      const scope = await resourceScope(access, params, options.resource ?? null);
      const body = options.body ? options.body.parse(await readJsonBody(req)) : (undefined as Body);
      const query = options.query ? options.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : (undefined as Query);
      const audit: AuditContext = {
        actor: actorOf(access.principal),
        ip,
        userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? null,
        requestId,
      };
      // Token callers reached this point only where the route allows them.
      const result = await (handler as Handler<Body, Query, OrgAccess, null>)({ ...access, ...scope, req, params, body, query, audit, requestId });
      const headers = { "X-Request-Id": requestId, "Cache-Control": "no-store", ...options.headers };
      // A handler that streams (an export) builds its own response.
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
        return result;
      }
      if (result === undefined) return new Response(null, { status: 204, headers });
      return Response.json(result, { status: options.status ?? 200, headers });
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
  return Object.assign(route, { orgRoute: options as OrgRouteOptions });
}

/** The declared resource, checked: its id (a token holding the level on it), or the ids a token may see. */
async function resourceScope(access: OrgAccess, params: Params, resource: ResourceDeclaration) {
  if (!resource) return {};
  if ("list" in resource) return { visibleIds: await visibleResourceIds(access, resource.type) };
  const resourceId = idParam(params[resource.param], RESOURCE_LABEL[resource.type]);
  await authorizeResource(access, resource.type, resourceId, resource.level);
  return { resourceId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not even a UUID names nothing: 404, like any unknown id. */
export function idParam(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw new AppError("not_found", `${what} not found`);
  return value.toLowerCase();
}
