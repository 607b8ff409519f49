import { orgRoute } from "@/lib/http/org-route";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { listToolsets } from "@/lib/toolsets/list-toolsets";
import { createToolsetSchema, listToolsetsQuerySchema } from "@/lib/toolsets/contract";

export const GET = orgRoute(
  { permission: "toolsets.read", query: listToolsetsQuerySchema, tokens: true, resource: { type: "TOOLSET", list: true } },
  ({ org, query, visibleIds }) => listToolsets({ orgId: org.id, ...query, ids: visibleIds }),
);

export const POST = orgRoute({ permission: "toolsets.write", body: createToolsetSchema, status: 201 }, ({ org, body, audit }) =>
  createToolset({ orgId: org.id, input: body, audit }),
);
