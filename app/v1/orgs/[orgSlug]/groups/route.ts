import { orgRoute } from "@/lib/http/org-route";
import { createGroup } from "@/lib/groups/create-group";
import { listGroups } from "@/lib/groups/list-groups";
import { createGroupSchema, listGroupsQuerySchema } from "@/lib/groups/contract";

export const GET = orgRoute({ permission: "groups.read", query: listGroupsQuerySchema }, ({ org, query }) =>
  listGroups({ orgId: org.id, ...query }),
);

export const POST = orgRoute({ permission: "groups.write", body: createGroupSchema, status: 201 }, ({ org, body, audit }) =>
  createGroup({ orgId: org.id, input: body, audit }),
);
