import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import { toolsetSelect, toToolsetView, type ToolsetView } from "@/lib/toolsets/toolset-view";

/** The toolsets assigned to one service account, each with the assignment's id (to unassign). */
export async function listServiceAccountToolsets({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string }): Promise<{ items: (ToolsetView & { assignmentId: string })[] }> {
  const account = await db().serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: { id: true } });
  if (!account) throw notFound("Service account");
  const rows = await db().toolsetAssignment.findMany({
    where: { orgId, serviceAccountId },
    select: { id: true, toolset: { select: toolsetSelect } },
    orderBy: { toolset: { name: "asc" } },
  });
  return { items: rows.map((r) => ({ ...toToolsetView(r.toolset), assignmentId: r.id })) };
}
