import { idParam, orgRoute } from "@/lib/http/org-route";
import { listToolCalls, listToolCallsQuerySchema } from "@/lib/usage/list-tool-calls";

export const GET = orgRoute({ permission: "serviceAccounts.read", query: listToolCallsQuerySchema }, ({ org, params, query }) =>
  listToolCalls({ orgId: org.id, serviceAccountId: idParam(params.serviceAccountId, "Service account"), ...query }),
);
