import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import { groupSelect, toGroupView } from "@/lib/groups/group-view";
import type { GroupDetailView } from "@/lib/groups/contract";

export async function getGroup({ orgId, groupId }: { orgId: string; groupId: string }): Promise<GroupDetailView> {
  const group = await forOrg(orgId).group.findFirst({
    where: { id: groupId, orgId },
    select: {
      ...groupSelect,
      members: {
        select: { addedAt: true, user: { select: { id: true, email: true, name: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!group) throw notFound("Group");
  return {
    ...toGroupView(group),
    members: group.members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, addedAt: m.addedAt.toISOString() })),
  };
}
