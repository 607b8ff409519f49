import { idParam, orgRoute } from "@/lib/http/org-route";
import { deleteToolset } from "@/lib/toolsets/delete-toolset";
import { getToolset } from "@/lib/toolsets/get-toolset";
import { updateToolsetSchema } from "@/lib/toolsets/toolset-schemas";
import { updateToolset } from "@/lib/toolsets/update-toolset";

const toolsetId = (params: Record<string, string>) => idParam(params.toolsetId, "Toolset");

export const GET = orgRoute({ permission: "toolsets.read" }, ({ org, params }) => getToolset({ orgId: org.id, toolsetId: toolsetId(params) }));

export const PATCH = orgRoute({ permission: "toolsets.write", body: updateToolsetSchema }, ({ org, params, body, audit }) =>
  updateToolset({ orgId: org.id, toolsetId: toolsetId(params), input: body, audit }),
);

export const DELETE = orgRoute({ permission: "toolsets.write" }, ({ org, params, audit }) => deleteToolset({ orgId: org.id, toolsetId: toolsetId(params), audit }));
