import { idParam, orgRoute } from "@/lib/http/org-route";
import { authorizeResource } from "@/lib/grants/authorize-resource";
import { removeToolsetTool } from "@/lib/toolsets/remove-toolset-tool";

export const DELETE = orgRoute({ permission: "toolsets.write", tokens: true }, async (access) => {
  const id = idParam(access.params.toolsetId, "Toolset");
  await authorizeResource(access, "TOOLSET", id, "WRITE");
  return removeToolsetTool({ orgId: access.org.id, toolsetId: id, toolId: idParam(access.params.toolId, "Tool"), audit: access.audit });
});
