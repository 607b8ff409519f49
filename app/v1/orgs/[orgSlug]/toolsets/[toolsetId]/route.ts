import { idParam, orgRoute } from "@/lib/http/org-route";
import { deleteToolset } from "@/lib/toolsets/delete-toolset";
import { getToolset } from "@/lib/toolsets/get-toolset";
import { updateToolsetSchema } from "@/lib/toolsets/contract";
import { updateToolset } from "@/lib/toolsets/update-toolset";

const toolset = (level: "READ" | "WRITE") => ({ type: "TOOLSET", param: "toolsetId", level }) as const;

export const GET = orgRoute({ permission: "toolsets.read", tokens: true, resource: toolset("READ") }, ({ org, resourceId }) =>
  getToolset({ orgId: org.id, toolsetId: resourceId }),
);

export const PATCH = orgRoute({ permission: "toolsets.write", body: updateToolsetSchema, tokens: true, resource: toolset("WRITE") }, ({ org, resourceId, body, audit }) =>
  updateToolset({ orgId: org.id, toolsetId: resourceId, input: body, audit }),
);

// Deleting a toolset stays with people.
export const DELETE = orgRoute({ permission: "toolsets.write" }, ({ org, params, audit }) =>
  deleteToolset({ orgId: org.id, toolsetId: idParam(params.toolsetId, "Toolset"), audit }),
);
