import { idParam, orgRoute } from "@/lib/http/org-route";
import { assignToolset } from "@/lib/toolsets/assign-toolset";
import { assignToolsetSchema } from "@/lib/toolsets/contract";

export const POST = orgRoute({ permission: "toolsets.write", body: assignToolsetSchema, status: 201 }, ({ org, params, body, audit }) =>
  assignToolset({ orgId: org.id, toolsetId: idParam(params.toolsetId, "Toolset"), input: body, audit }),
);
