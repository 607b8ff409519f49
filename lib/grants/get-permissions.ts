import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { assertGranteeExists } from "@/lib/grants/assert-grantee-exists";
import { granteeWhere, type Grantee } from "@/lib/grants/grantee";
import type { PermissionsView } from "@/lib/grants/contract";
export type { PermissionRow } from "@/lib/grants/contract";

/** The Permissions tab: the mode, and every server and toolset of the organization with the grantee's level on it. */
export async function getPermissions({ orgId, grantee }: { orgId: string; grantee: Grantee }): Promise<PermissionsView> {
  await assertGranteeExists(forOrg(orgId), orgId, grantee);
  const [mode, grants, servers, toolsets] = await Promise.all([
    "serviceAccountId" in grantee
      ? forOrg(orgId).serviceAccount.findUniqueOrThrow({ where: { id: grantee.serviceAccountId }, select: { accessMode: true } })
      : forOrg(orgId).serviceToken.findUniqueOrThrow({ where: { id: grantee.tokenId }, select: { accessMode: true } }),
    forOrg(orgId).grant.findMany({ where: { orgId, ...granteeWhere(grantee) }, select: { resourceId: true, level: true } }),
    forOrg(orgId).mcpServer.findMany({ where: { orgId }, select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } }),
    forOrg(orgId).toolset.findMany({ where: { orgId }, select: { id: true, name: true, _count: { select: { tools: true } } }, orderBy: { name: "asc" } }),
  ]);
  const levels = new Map(grants.map((g) => [g.resourceId, g.level]));
  return {
    accessMode: mode.accessMode,
    resources: [
      ...servers.map((s) => ({ resourceType: "MCP_SERVER" as const, resourceId: s.id, name: s.name, detail: s.slug, level: levels.get(s.id) ?? ("NONE" as const) })),
      ...toolsets.map((t) => ({ resourceType: "TOOLSET" as const, resourceId: t.id, name: t.name, detail: `${t._count.tools} tools`, level: levels.get(t.id) ?? ("NONE" as const) })),
    ],
  };
}
