import { orgRoute } from "@/lib/http/org-route";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { addMemberSchema, listMembersQuerySchema } from "@/lib/members/contract";

export const GET = orgRoute({ permission: "members.read", query: listMembersQuerySchema }, ({ org, query }) =>
  listMembers({ orgId: org.id, ...query }),
);

export const POST = orgRoute({ permission: "members.write", body: addMemberSchema, status: 201 }, ({ org, role, body, audit }) =>
  addMember({ orgId: org.id, actorRole: role, input: body, audit }),
);
