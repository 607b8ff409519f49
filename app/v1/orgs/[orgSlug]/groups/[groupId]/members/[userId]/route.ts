import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeGroupMember } from "@/lib/groups/remove-group-member";

export const DELETE = orgRoute({ permission: "groups.write" }, ({ org, params, audit }) =>
  removeGroupMember({
    orgId: org.id,
    groupId: idParam(params.groupId, "Group"),
    userId: idParam(params.userId, "Group member"),
    audit,
  }),
);
