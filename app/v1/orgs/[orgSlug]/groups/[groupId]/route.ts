import { idParam, orgRoute } from "@/lib/http/org-route";
import { deleteGroup } from "@/lib/groups/delete-group";
import { getGroup } from "@/lib/groups/get-group";
import { updateGroup } from "@/lib/groups/update-group";
import { updateGroupSchema } from "@/lib/groups/contract";

export const GET = orgRoute({ permission: "groups.read" }, ({ org, params }) =>
  getGroup({ orgId: org.id, groupId: idParam(params.groupId, "Group") }),
);

export const PATCH = orgRoute({ permission: "groups.write", body: updateGroupSchema }, ({ org, params, body, audit }) =>
  updateGroup({ orgId: org.id, groupId: idParam(params.groupId, "Group"), input: body, audit }),
);

export const DELETE = orgRoute({ permission: "groups.write" }, ({ org, params, audit }) =>
  deleteGroup({ orgId: org.id, groupId: idParam(params.groupId, "Group"), audit }),
);
