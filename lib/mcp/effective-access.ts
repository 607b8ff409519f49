import { db } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UpstreamConfig } from "@/lib/mcp/upstream-pool";

export type EffectiveTool = {
  id: string;
  name: string;
  exposedName: string;
  title: string | null;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
  server: UpstreamConfig & { name: string };
};

export type EffectiveAccess = {
  tools: EffectiveTool[];
  /** Servers whose prompts and resources the principal may list and read. */
  serverIds: Set<string>;
};

type Row = Omit<EffectiveTool, "server"> & {
  serverId: string;
  serverName: string;
  slug: string;
  url: string;
  builtin: boolean;
  headersEncrypted: string | null;
  timeoutMs: number;
  updatedAt: Date;
};

/**
 * THE answer to "what may this principal use over MCP": both tools/list and
 * tools/call read it, so no caller ever sees a tool it cannot call, or calls
 * one it cannot see. Today: the tools of the toolsets assigned to the service
 * account (a person: directly or through a group), on enabled servers; the
 * prompts and resources of the servers those tools come from. An org-wide
 * token has no toolsets and so no tools (grants will extend this function).
 * It runs on every bot request: one query, written by hand.
 */
export async function getEffectiveAccess({
  orgId,
  principal,
  exposedName,
}: {
  orgId: string;
  principal: Principal;
  /** Narrows the answer to one tool (tools/call): the same rules, fewer rows to load. */
  exposedName?: string;
}): Promise<EffectiveAccess> {
  const assigned =
    principal.kind === "user"
      ? Prisma.sql`(ta."userId" = ${principal.userId}::uuid OR ta."groupId" IN (
          SELECT gm."groupId" FROM "GroupMember" gm WHERE gm."userId" = ${principal.userId}::uuid AND gm."orgId" = ${orgId}::uuid))`
      : principal.serviceAccount
        ? Prisma.sql`ta."serviceAccountId" = ${principal.serviceAccount.id}::uuid`
        : null;
  if (!assigned) return { tools: [], serverIds: new Set() };
  const rows = await db().$queryRaw<Row[]>`
    SELECT ct.id::text, ct.name, ct."exposedName", ct.title, ct.description, ct."inputSchema", ct."outputSchema", ct.annotations,
           s.id::text AS "serverId", s.name AS "serverName", s.slug, s.url, s.builtin, s."headersEncrypted", s."timeoutMs", s."updatedAt"
    FROM "CatalogTool" ct
    JOIN "McpServer" s ON s.id = ct."serverId" AND s.enabled
    WHERE ct."orgId" = ${orgId}::uuid
      ${exposedName !== undefined ? Prisma.sql`AND ct."exposedName" = ${exposedName}` : Prisma.empty}
      AND EXISTS (
        SELECT 1 FROM "ToolsetTool" tt
        JOIN "ToolsetAssignment" ta ON ta."toolsetId" = tt."toolsetId"
        WHERE tt."toolId" = ct.id AND ta."orgId" = ${orgId}::uuid AND ${assigned})
    ORDER BY ct."exposedName"`;
  const tools = rows.map(({ serverId, serverName, slug, url, builtin, headersEncrypted, timeoutMs, updatedAt, ...tool }) => ({
    ...tool,
    server: { id: serverId, name: serverName, slug, url, builtin, headersEncrypted, timeoutMs, updatedAt },
  }));
  return { tools, serverIds: new Set(tools.map((t) => t.server.id)) };
}
