import "server-only";
import type { AssignedToolsetView } from "@/lib/toolsets/contract";
import { forOrg } from "@/lib/db/for-org";
import { toolsetSelect, toToolsetView } from "@/lib/toolsets/toolset-view";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";

/** The toolsets assigned to one service account, each with the assignment's id (to unassign). */
export async function listServiceAccountToolsets({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string }): Promise<{ items: AssignedToolsetView[] }> {
  await assertServiceAccountExists({ orgId, serviceAccountId });
  const rows = await forOrg(orgId).toolsetAssignment.findMany({
    where: { serviceAccountId },
    select: { id: true, toolset: { select: toolsetSelect } },
    orderBy: { toolset: { name: "asc" } },
  });
  return { items: rows.map((r) => ({ ...toToolsetView(r.toolset), assignmentId: r.id })) };
}
