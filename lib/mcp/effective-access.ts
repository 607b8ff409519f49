import { db } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
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

/**
 * THE answer to "what may this principal use over MCP": both tools/list and
 * tools/call read it, so no caller ever sees a tool it cannot call, or calls
 * one it cannot see. Today: the tools of the toolsets assigned to the service
 * account (a person: directly or through a group), on enabled servers; the
 * prompts and resources of the servers those tools come from. An org-wide
 * token has no toolsets and so no tools (grants will extend this function).
 */
export async function getEffectiveAccess({ orgId, principal }: { orgId: string; principal: Principal }): Promise<EffectiveAccess> {
  const assignedTo =
    principal.kind === "user"
      ? [{ userId: principal.userId }, { group: { members: { some: { userId: principal.userId } } } }]
      : principal.serviceAccount
        ? [{ serviceAccountId: principal.serviceAccount.id }]
        : [];
  if (!assignedTo.length) return { tools: [], serverIds: new Set() };
  const tools = await db().catalogTool.findMany({
    where: { orgId, server: { enabled: true }, toolsets: { some: { toolset: { orgId, assignments: { some: { OR: assignedTo } } } } } },
    select: {
      id: true,
      name: true,
      exposedName: true,
      title: true,
      description: true,
      inputSchema: true,
      outputSchema: true,
      annotations: true,
      server: { select: { id: true, name: true, slug: true, url: true, builtin: true, headersEncrypted: true, timeoutMs: true, updatedAt: true } },
    },
    orderBy: { exposedName: "asc" },
  });
  return { tools, serverIds: new Set(tools.map((t) => t.server.id)) };
}
