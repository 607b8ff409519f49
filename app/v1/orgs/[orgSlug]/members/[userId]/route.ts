import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeMember } from "@/lib/members/remove-member";
import { updateMemberRole } from "@/lib/members/update-member-role";
import { updateMemberSchema } from "@/lib/members/contract";

export const PATCH = orgRoute({ permission: "members.write", body: updateMemberSchema }, ({ org, role, params, body, audit }) =>
  updateMemberRole({ orgId: org.id, userId: idParam(params.userId, "Member"), role: body.role, actorRole: role, audit }),
);

export const DELETE = orgRoute({ permission: "members.write" }, ({ org, role, params, audit }) =>
  removeMember({ orgId: org.id, userId: idParam(params.userId, "Member"), actorRole: role, audit }),
);
