import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { OrgAccess } from "@/lib/principal";
import type { GrantLevel, ResourceType } from "@/lib/generated/prisma/enums";
import { levelAllows, readableResourceIds, resourceLevel } from "@/lib/grants/resource-level";

export const RESOURCE_LABEL: Record<ResourceType, string> = { MCP_SERVER: "MCP server", TOOLSET: "Toolset" };

/**
 * For admin routes that service tokens may use (called by orgRoute for the
 * resource a route declares, never by a handler): people passed their role check
 * already; a token needs `level` on this very resource (its grant, or Full
 * Access). Another organization's resource, or none, is 404; one of its own
 * organization without the level is 403 insufficient_scope.
 */
export async function authorizeResource(access: OrgAccess, resourceType: ResourceType, resourceId: string, level: GrantLevel): Promise<void> {
  if (access.principal.kind === "user") return;
  const exists =
    resourceType === "MCP_SERVER"
      ? await forOrg(access.org.id).mcpServer.findFirst({ where: { id: resourceId }, select: { id: true } })
      : await forOrg(access.org.id).toolset.findFirst({ where: { id: resourceId }, select: { id: true } });
  if (!exists) throw notFound(RESOURCE_LABEL[resourceType]);
  const held = await resourceLevel({ principal: access.principal, resourceType, resourceId });
  if (!levelAllows(held, level)) {
    throw new AppError("forbidden", `This token needs ${level === "WRITE" ? "Write" : "Read"} on this ${RESOURCE_LABEL[resourceType].toLowerCase()} (it has ${held === "NONE" ? "none" : held === "READ" ? "Read" : "Write"})`, {
      bearerError: "insufficient_scope",
    });
  }
}

/** For list routes: null (everything) for people and Full Access, else the ids a token may read. */
export async function visibleResourceIds(access: OrgAccess, resourceType: ResourceType): Promise<string[] | null> {
  if (access.principal.kind === "user") return null;
  return readableResourceIds({ principal: access.principal, resourceType });
}
