import "server-only";
import { forOrg } from "@/lib/db/for-org";

/** The most tools a toolset lists by name on the Overview (the count says how many there are). */
export const MY_TOOLSET_TOOL_NAMES = 50;

/**
 * The toolsets assigned to a person, directly or through one of their groups,
 * for their Overview: each with its tools' exposed names (what an MCP client
 * shows them), so a member knows what they can call without an admin page.
 */
export async function listMyToolsets({ orgId, userId }: { orgId: string; userId: string }) {
  const toolsets = await forOrg(orgId).toolset.findMany({
    where: {
      orgId,
      assignments: { some: { OR: [{ userId }, { group: { members: { some: { userId } } } }] } },
    },
    select: {
      id: true,
      name: true,
      description: true,
      _count: { select: { tools: true } },
      tools: { select: { tool: { select: { exposedName: true, title: true } } }, orderBy: { tool: { exposedName: "asc" } }, take: MY_TOOLSET_TOOL_NAMES },
    },
    orderBy: { name: "asc" },
    take: 100,
  });
  return toolsets.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    toolCount: t._count.tools,
    tools: t.tools.map(({ tool }) => ({ name: tool.exposedName, title: tool.title })),
  }));
}
