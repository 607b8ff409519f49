import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import { roleAllows, type Permission } from "@/lib/auth/permissions";
import { actorOf, type AuditContext, type OrgAccess } from "@/lib/auth/principal";
import { getOrgAccess } from "@/lib/orgs/get-org-access";
import { clientIp } from "@/lib/http/client-ip";
import { problemResponse } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isSameOriginMutation } from "@/lib/http/same-origin";

type Params = Record<string, string>;

export type OrgRouteContext<Body, Query> = OrgAccess & {
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
};

/**
 * The one wrapper every /v1/orgs/:orgSlug/... handler goes through: request
 * id, client IP, authentication, CSRF, organization and role, body limit and
 * zod parsing, then the handler; every error leaves as problem+json.
 */
export function orgRoute<Body = undefined, Query = undefined>(
  options: Options<Body, Query>,
  handler: (ctx: OrgRouteContext<Body, Query>) => Promise<unknown>,
) {
  return async (req: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const params = await context.params;
      if (req.headers.has("authorization")) {
        throw new AppError("unauthorized", "Bearer authentication is not accepted on this endpoint; sign in to the Control Room");
      }
      const principal = await getSessionPrincipal();
      if (!principal) throw new AppError("unauthorized", "Sign in to continue");
      if (!isSameOriginMutation(req)) {
        throw new AppError("forbidden", "Cross-site request refused: the Origin header must match this site");
      }
      const access = await getOrgAccess({ slug: params.orgSlug ?? "", principal });
      if (!access) throw new AppError("not_found", "Organization not found");
      if (!roleAllows(access.role, options.permission)) {
        throw new AppError("forbidden", `Your role (${access.role}) does not allow ${options.permission}`);
      }
      const body = options.body ? options.body.parse(await readJsonBody(req)) : (undefined as Body);
      const query = options.query
        ? options.query.parse(Object.fromEntries(new URL(req.url).searchParams))
        : (undefined as Query);
      const audit: AuditContext = {
        actor: actorOf(principal),
        ip: clientIp(req.headers),
        userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? null,
        requestId,
      };
      const result = await handler({ ...access, req, params, body, query, audit, requestId });
      const headers = { "X-Request-Id": requestId, "Cache-Control": "no-store" };
      if (result === undefined) return new Response(null, { status: 204, headers });
      return Response.json(result, { status: options.status ?? 200, headers });
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not even a UUID names nothing: 404, like any unknown id. */
export function idParam(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw new AppError("not_found", `${what} not found`);
  return value.toLowerCase();
}
