import { orgRoute } from "@/lib/http/org-route";
import { listOrgToolCallsQuerySchema, listToolCalls } from "@/lib/usage/list-tool-calls";

export const GET = orgRoute({ permission: "activity.read", query: listOrgToolCallsQuerySchema }, ({ org, query }) => listToolCalls({ orgId: org.id, ...query }));
