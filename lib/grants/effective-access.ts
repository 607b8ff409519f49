import { db } from "@/lib/db/prisma";
import type { Principal } from "@/lib/principal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AccessReason } from "@/lib/grants/contract";
export type { AccessReason } from "@/lib/grants/contract";

/** A server the caller reaches, with what a connection to it needs (lib/mcp/upstream-pool.ts's UpstreamConfig, and its name). */
export type EffectiveServer = { id: string; name: string; slug: string; url: string; builtin: boolean; headersEncrypted: string | null; timeoutMs: number; updatedAt: Date };

export type EffectiveTool = {
  id: string;
  name: string;
  exposedName: string;
  title: string | null;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
  server: EffectiveServer;
  /** Why the principal has it; only filled when asked for (the admin "Effective access" view). */
  reasons: AccessReason[];
};

export type EffectiveAccess = {
  tools: EffectiveTool[];
  /** Servers whose prompts and resources the principal may list and read, with why. */
  servers: Map<string, EffectiveServer & { reasons: AccessReason[] }>;
};

type ToolRow = Omit<EffectiveTool, "server" | "reasons"> & ServerColumns & { toolsets: string[]; viaToolset: boolean; viaServerWrite: boolean };
type ServerColumns = { serverId: string; serverName: string; slug: string; url: string; builtin: boolean; headersEncrypted: string | null; timeoutMs: number; updatedAt: Date };
type ServerRow = ServerColumns & { level: "READ" | "WRITE" | null };

const SERVER_COLUMNS = Prisma.sql`s.id::text AS "serverId", s.name AS "serverName", s.slug, s.url, s.builtin, s."headersEncrypted", s."timeoutMs", s."updatedAt"`;
const toServer = (r: ServerColumns): EffectiveServer => ({
  id: r.serverId,
  name: r.serverName,
  slug: r.slug,
  url: r.url,
  builtin: r.builtin,
  headersEncrypted: r.headersEncrypted,
  timeoutMs: r.timeoutMs,
  updatedAt: r.updatedAt,
});

/**
 * THE answer to "what may this principal use over MCP". tools/list and
 * tools/call both read it, so no caller ever sees a tool it cannot call, or
 * calls one it cannot see:
 * - tools: those of toolsets assigned to it (a person: directly or through a
 *   group), plus every tool of servers it holds Write on; Full Access: every tool;
 * - prompts and resources: those of servers it holds Read or Write on; Full
 *   Access: every server's;
 * always only on enabled servers of its own organization. Grants belong to
 * service accounts and org-wide tokens; people have toolsets only.
 * It runs on every bot request: hand-written queries, no cache (a change is
 * seen at the next request, on every instance).
 */
export async function getEffectiveAccess({
  orgId,
  principal,
  exposedName,
  withReasons = false,
}: {
  orgId: string;
  principal: Principal;
  /** Narrows the tools to one (tools/call): the same rules, fewer rows to load. */
  exposedName?: string;
  withReasons?: boolean;
}): Promise<EffectiveAccess> {
  const assigned =
    principal.kind === "user"
      ? Prisma.sql`(ta."userId" = ${principal.userId}::uuid OR ta."groupId" IN (
          SELECT gm."groupId" FROM "GroupMember" gm WHERE gm."userId" = ${principal.userId}::uuid AND gm."orgId" = ${orgId}::uuid))`
      : principal.serviceAccount
        ? Prisma.sql`ta."serviceAccountId" = ${principal.serviceAccount.id}::uuid`
        : Prisma.sql`false`;
  const grantee =
    principal.kind === "user"
      ? Prisma.sql`false`
      : principal.serviceAccount
        ? Prisma.sql`g."serviceAccountId" = ${principal.serviceAccount.id}::uuid`
        : Prisma.sql`g."tokenId" = ${principal.tokenId}::uuid`;
  const fullAccess = principal.kind === "token" && principal.accessMode === "FULL_ACCESS";
  const viaToolsets = Prisma.sql`FROM "ToolsetTool" tt
      JOIN "ToolsetAssignment" ta ON ta."toolsetId" = tt."toolsetId" AND ta."orgId" = ${orgId}::uuid AND ${assigned}
      WHERE tt."toolId" = ct.id`;

  const toolRows = await db().$queryRaw<ToolRow[]>`
    SELECT * FROM (
      SELECT ct.id::text, ct.name, ct."exposedName", ct.title, ct.description, ct."inputSchema", ct."outputSchema", ct.annotations, ${SERVER_COLUMNS},
        ${withReasons ? Prisma.sql`ARRAY(SELECT DISTINCT t.name FROM "Toolset" t WHERE EXISTS (SELECT 1 ${viaToolsets} AND tt."toolsetId" = t.id))` : Prisma.sql`ARRAY[]::text[]`} AS toolsets,
        EXISTS (SELECT 1 ${viaToolsets}) AS "viaToolset",
        EXISTS (SELECT 1 FROM "Grant" g WHERE g."orgId" = ${orgId}::uuid AND g."resourceType" = 'MCP_SERVER' AND g."resourceId" = s.id
                AND g.level = 'WRITE' AND ${grantee}) AS "viaServerWrite"
      FROM "CatalogTool" ct
      JOIN "McpServer" s ON s.id = ct."serverId" AND s.enabled
      WHERE ct."orgId" = ${orgId}::uuid
        ${exposedName !== undefined ? Prisma.sql`AND ct."exposedName" = ${exposedName}` : Prisma.empty}
    ) x
    WHERE x."viaToolset" OR x."viaServerWrite" OR ${fullAccess}
    ORDER BY x."exposedName"`;

  const tools = toolRows.map((row): EffectiveTool => {
    const reasons: AccessReason[] = withReasons
      ? [
          ...row.toolsets.map((toolset) => ({ kind: "toolset" as const, toolset })),
          ...(row.viaServerWrite ? [{ kind: "server_grant" as const, level: "WRITE" as const }] : []),
          ...(fullAccess ? [{ kind: "full_access" as const }] : []),
        ]
      : [];
    return {
      id: row.id,
      name: row.name,
      exposedName: row.exposedName,
      title: row.title,
      description: row.description,
      inputSchema: row.inputSchema,
      outputSchema: row.outputSchema,
      annotations: row.annotations,
      server: toServer(row),
      reasons,
    };
  });

  // tools/call needs no servers; everything else asks for them.
  if (exposedName !== undefined || (principal.kind === "user" && !withReasons)) return { tools, servers: new Map() };
  const serverRows = await db().$queryRaw<ServerRow[]>`
    SELECT ${SERVER_COLUMNS},
      (SELECT g.level::text FROM "Grant" g WHERE g."orgId" = ${orgId}::uuid AND g."resourceType" = 'MCP_SERVER' AND g."resourceId" = s.id AND ${grantee}) AS level
    FROM "McpServer" s
    WHERE s."orgId" = ${orgId}::uuid AND s.enabled`;
  const servers = new Map<string, EffectiveServer & { reasons: AccessReason[] }>();
  for (const row of serverRows) {
    if (!fullAccess && !row.level) continue;
    const reasons: AccessReason[] = [...(row.level ? [{ kind: "server_grant" as const, level: row.level }] : []), ...(fullAccess ? [{ kind: "full_access" as const }] : [])];
    servers.set(row.serverId, { ...toServer(row), reasons });
  }
  return { tools, servers };
}
