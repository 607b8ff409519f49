import { orgRoute } from "@/lib/http/org-route";
import { activitySummaryQuerySchema } from "@/lib/usage/activity-filters";
import { summarizeToolCalls } from "@/lib/usage/summarize-tool-calls";

export const GET = orgRoute({ permission: "activity.read", query: activitySummaryQuerySchema }, ({ org, query }) => summarizeToolCalls({ orgId: org.id, ...query }));
