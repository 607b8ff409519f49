import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db/prisma";

// The database handle of one organization: every query on a tenant model gets
// `orgId` in its `where` (and in the rows it creates), so another
// organization's row is simply not found and cannot be written, whatever a
// service forgets to say. The unscoped db() stays for the few global
// operations (users, sign-in, system jobs, the data plane's own statements).

/** Each model, tenant (has orgId) or global: a new model breaks the build until it is placed here. */
const SCOPE = {
  Organization: "global",
  User: "global",
  Membership: "tenant",
  Group: "tenant",
  GroupMember: "tenant",
  ServiceAccount: "tenant",
  ServiceToken: "tenant",
  McpServer: "tenant",
  CatalogTool: "tenant",
  CatalogPrompt: "tenant",
  CatalogResource: "tenant",
  CatalogResourceTemplate: "tenant",
  Toolset: "tenant",
  ToolsetTool: "tenant",
  ToolsetAssignment: "tenant",
  Grant: "tenant",
  NetworkRule: "tenant",
  ToolCall: "tenant",
  AuditEvent: "tenant",
  AuditChain: "tenant",
  RateLimitState: "global",
  GatewaySession: "tenant",
  UpstreamSession: "tenant",
  CatalogVersion: "tenant",
  // A person's sign-in session spans their organizations.
  UserSession: "global",
  IdempotencyKey: "tenant",
} as const satisfies Record<Prisma.ModelName, "tenant" | "global">;

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = { where?: Record<string, unknown>; data?: unknown; create?: unknown };

/** The row as this organization writes it: its orgId, and never another's. */
function ownRow(orgId: string, model: string, row: unknown): Record<string, unknown> {
  const given = (row as Record<string, unknown>).orgId;
  if (given !== undefined && given !== orgId) throw new AppError("internal", `A ${model} of another organization cannot be written through this organization's handle`);
  return { ...(row as Record<string, unknown>), orgId };
}

/** The query as this organization may run it. Exported for its unit test. */
export function scopeArgs(orgId: string, model: string, operation: string, args: Args): Args {
  if (SCOPE[model as Prisma.ModelName] !== "tenant") return args;
  const scoped: Args = { ...args };
  if (WHERE_OPERATIONS.has(operation)) scoped.where = { ...args.where, orgId };
  if (operation === "upsert") scoped.create = ownRow(orgId, model, args.create);
  if (CREATE_OPERATIONS.has(operation)) {
    scoped.data = Array.isArray(args.data) ? args.data.map((row) => ownRow(orgId, model, row)) : ownRow(orgId, model, args.data);
  }
  return scoped;
}

/**
 * `db()`, scoped to one organization. Nested writes (a `create` inside
 * another model's `data`) are not rewritten: write child rows with their own
 * call, as the composite (orgId, id) foreign keys expect anyway.
 */
export function forOrg(orgId: string): Db {
  const scoped = db().$extends({
    name: "forOrg",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(orgId, model, operation, args as Args) as typeof args);
        },
      },
    },
  });
  // A query-only extension changes no type: the handle is typed as the client it wraps,
  // so services and helpers that take a Db or DbTx (recordAuditEvent) take it as well.
  return scoped as unknown as Db;
}
