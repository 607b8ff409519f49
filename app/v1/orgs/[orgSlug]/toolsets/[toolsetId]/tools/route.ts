import { orgRoute } from "@/lib/http/org-route";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { addToolsetToolsSchema } from "@/lib/toolsets/contract";

export const POST = orgRoute(
  { permission: "toolsets.write", body: addToolsetToolsSchema, tokens: true, resource: { type: "TOOLSET", param: "toolsetId", level: "WRITE" } },
  ({ org, resourceId, body, audit }) => addToolsetTools({ orgId: org.id, toolsetId: resourceId, toolIds: body.toolIds, audit }),
);
