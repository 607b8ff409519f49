import { idParam, orgRoute } from "@/lib/http/org-route";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { addToolsetToolsSchema } from "@/lib/toolsets/toolset-schemas";

export const POST = orgRoute({ permission: "toolsets.write", body: addToolsetToolsSchema }, ({ org, params, body, audit }) =>
  addToolsetTools({ orgId: org.id, toolsetId: idParam(params.toolsetId, "Toolset"), toolIds: body.toolIds, audit }),
);
