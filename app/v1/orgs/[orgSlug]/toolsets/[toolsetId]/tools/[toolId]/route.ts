import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeToolsetTool } from "@/lib/toolsets/remove-toolset-tool";

export const DELETE = orgRoute({ permission: "toolsets.write" }, ({ org, params, audit }) =>
  removeToolsetTool({ orgId: org.id, toolsetId: idParam(params.toolsetId, "Toolset"), toolId: idParam(params.toolId, "Tool"), audit }),
);
