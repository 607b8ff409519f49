import { idParam, orgRoute } from "@/lib/http/org-route";
import { addGroupMember } from "@/lib/groups/add-group-member";
import { getGroup } from "@/lib/groups/get-group";
import { addGroupMemberSchema } from "@/lib/groups/contract";

export const GET = orgRoute({ permission: "groups.read" }, async ({ org, params }) => {
  const group = await getGroup({ orgId: org.id, groupId: idParam(params.groupId, "Group") });
  return { items: group.members, nextCursor: null };
});

export const POST = orgRoute({ permission: "groups.write", body: addGroupMemberSchema, status: 201 }, ({ org, params, body, audit }) =>
  addGroupMember({ orgId: org.id, groupId: idParam(params.groupId, "Group"), userId: body.userId, audit }),
);
