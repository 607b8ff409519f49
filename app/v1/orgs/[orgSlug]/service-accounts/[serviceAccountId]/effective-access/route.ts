import { idParam, orgRoute } from "@/lib/http/org-route";
import { getEffectiveAccessReport } from "@/lib/grants/get-effective-access-report";

export const GET = orgRoute({ permission: "serviceAccounts.read" }, ({ org, params }) =>
  getEffectiveAccessReport({ orgId: org.id, serviceAccountId: idParam(params.serviceAccountId, "Service account") }),
);
