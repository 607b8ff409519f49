import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeToolsetTool } from "@/lib/toolsets/remove-toolset-tool";

export const DELETE = orgRoute({ permission: "toolsets.write", tokens: true, resource: { type: "TOOLSET", param: "toolsetId", level: "WRITE" } }, ({ org, resourceId, params, audit }) =>
  removeToolsetTool({ orgId: org.id, toolsetId: resourceId, toolId: idParam(params.toolId, "Tool"), audit }),
);
