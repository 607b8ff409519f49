import { idParam, orgRoute } from "@/lib/http/org-route";
import { unassignToolset } from "@/lib/toolsets/unassign-toolset";

export const DELETE = orgRoute({ permission: "toolsets.write" }, ({ org, params, audit }) =>
  unassignToolset({ orgId: org.id, toolsetId: idParam(params.toolsetId, "Toolset"), assignmentId: idParam(params.assignmentId, "Assignment"), audit }),
);
