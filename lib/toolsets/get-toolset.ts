import "server-only";
import type { ToolsetDetailView } from "@/lib/toolsets/contract";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import { catalogToolSelect, toCatalogToolView } from "@/lib/mcp-servers/catalog-tool-view";
import { assignmentSelect, toAssignmentView, toolsetSelect, toToolsetView } from "@/lib/toolsets/toolset-view";

/** A toolset with its tools and who it is assigned to. */
export async function getToolset({ orgId, toolsetId }: { orgId: string; toolsetId: string }): Promise<ToolsetDetailView> {
  const toolset = await forOrg(orgId).toolset.findFirst({
    where: { id: toolsetId },
    select: {
      ...toolsetSelect,
      tools: { select: { tool: { select: catalogToolSelect } }, orderBy: { tool: { exposedName: "asc" } } },
      assignments: { select: assignmentSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!toolset) throw notFound("Toolset");
  return {
    ...toToolsetView(toolset),
    tools: toolset.tools.map((t) => toCatalogToolView(t.tool)),
    assignments: toolset.assignments.map(toAssignmentView),
  };
}
