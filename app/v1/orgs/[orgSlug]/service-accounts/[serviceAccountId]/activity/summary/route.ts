import { idParam, orgRoute } from "@/lib/http/org-route";
import { activitySummaryQuerySchema } from "@/lib/usage/activity-filters";
import { summarizeToolCalls } from "@/lib/usage/summarize-tool-calls";

export const GET = orgRoute({ permission: "serviceAccounts.read", query: activitySummaryQuerySchema }, ({ org, params, query }) =>
  summarizeToolCalls({ orgId: org.id, ...query, serviceAccountId: idParam(params.serviceAccountId, "Service account") }),
);
