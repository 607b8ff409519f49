import "server-only";
import { db } from "@/lib/db/prisma";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";

/** The toolsets assigned to one service account, each with the assignment's id (to unassign). */
export async function listServiceAccountToolsets({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string }): Promise<{ items: (ToolsetView & { assignmentId: string })[] }> {
  await assertServiceAccountExists({ orgId, serviceAccountId });
  const rows = await db().toolsetAssignment.findMany({
    where: { orgId, serviceAccountId },
    select: { id: true, toolset: { select: toolsetSelect } },
    orderBy: { toolset: { name: "asc" } },
  });
  return { items: rows.map((r) => ({ ...toToolsetView(r.toolset), assignmentId: r.id })) };
}
