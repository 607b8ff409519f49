import { idParam, orgRoute } from "@/lib/http/org-route";
import { authorizeResource } from "@/lib/grants/authorize-resource";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { addToolsetToolsSchema } from "@/lib/toolsets/toolset-schemas";

export const POST = orgRoute({ permission: "toolsets.write", body: addToolsetToolsSchema, tokens: true }, async (access) => {
  const id = idParam(access.params.toolsetId, "Toolset");
  await authorizeResource(access, "TOOLSET", id, "WRITE");
  return addToolsetTools({ orgId: access.org.id, toolsetId: id, toolIds: access.body.toolIds, audit: access.audit });
});
