import { idParam, orgRoute } from "@/lib/http/org-route";
import { listServiceAccountToolsets } from "@/lib/toolsets/list-service-account-toolsets";

export const GET = orgRoute({ permission: "serviceAccounts.read" }, ({ org, params }) =>
  listServiceAccountToolsets({ orgId: org.id, serviceAccountId: idParam(params.serviceAccountId, "Service account") }),
);
