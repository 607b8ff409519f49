import "server-only";
import { forOrg } from "@/lib/db/for-org";

/** The toolsets assigned to a person, directly or through one of their groups, for their Overview. */
export async function listMyToolsets({ orgId, userId }: { orgId: string; userId: string }) {
  const toolsets = await forOrg(orgId).toolset.findMany({
    where: {
      orgId,
      assignments: { some: { OR: [{ userId }, { group: { members: { some: { userId } } } }] } },
    },
    select: { id: true, name: true, description: true, _count: { select: { tools: true } } },
    orderBy: { name: "asc" },
    take: 100,
  });
  return toolsets.map((t) => ({ id: t.id, name: t.name, description: t.description, toolCount: t._count.tools }));
}
