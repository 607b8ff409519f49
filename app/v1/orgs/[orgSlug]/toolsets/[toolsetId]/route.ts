import { idParam, orgRoute } from "@/lib/http/org-route";
import { authorizeResource } from "@/lib/grants/authorize-resource";
import { deleteToolset } from "@/lib/toolsets/delete-toolset";
import { getToolset } from "@/lib/toolsets/get-toolset";
import { updateToolsetSchema } from "@/lib/toolsets/toolset-schemas";
import { updateToolset } from "@/lib/toolsets/update-toolset";

const toolsetId = (params: Record<string, string>) => idParam(params.toolsetId, "Toolset");

export const GET = orgRoute({ permission: "toolsets.read", tokens: true }, async (access) => {
  const id = toolsetId(access.params);
  await authorizeResource(access, "TOOLSET", id, "READ");
  return getToolset({ orgId: access.org.id, toolsetId: id });
});

export const PATCH = orgRoute({ permission: "toolsets.write", body: updateToolsetSchema, tokens: true }, async (access) => {
  const id = toolsetId(access.params);
  await authorizeResource(access, "TOOLSET", id, "WRITE");
  return updateToolset({ orgId: access.org.id, toolsetId: id, input: access.body, audit: access.audit });
});

// Deleting a toolset stays with people.
export const DELETE = orgRoute({ permission: "toolsets.write" }, ({ org, params, audit }) => deleteToolset({ orgId: org.id, toolsetId: toolsetId(params), audit }));
