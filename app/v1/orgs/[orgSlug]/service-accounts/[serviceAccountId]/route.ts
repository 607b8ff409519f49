import { idParam, orgRoute } from "@/lib/http/org-route";
import { deleteServiceAccount } from "@/lib/service-accounts/delete-service-account";
import { getServiceAccount } from "@/lib/service-accounts/get-service-account";
import { updateServiceAccountSchema } from "@/lib/service-accounts/contract";
import { updateServiceAccount } from "@/lib/service-accounts/update-service-account";

const accountId = (params: Record<string, string>) => idParam(params.serviceAccountId, "Service account");

export const GET = orgRoute({ permission: "serviceAccounts.read" }, ({ org, params }) =>
  getServiceAccount({ orgId: org.id, serviceAccountId: accountId(params) }),
);

export const PATCH = orgRoute({ permission: "serviceAccounts.write", body: updateServiceAccountSchema }, ({ org, principal, params, body, audit }) =>
  updateServiceAccount({ orgId: org.id, serviceAccountId: accountId(params), input: body, actorUserId: principal.userId, audit }),
);

export const DELETE = orgRoute({ permission: "serviceAccounts.write" }, ({ org, principal, params, audit }) =>
  deleteServiceAccount({ orgId: org.id, serviceAccountId: accountId(params), actorUserId: principal.userId, audit }),
);
