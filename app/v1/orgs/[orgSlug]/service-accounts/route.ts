import { orgRoute } from "@/lib/http/org-route";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { createServiceAccountSchema, listServiceAccountsQuerySchema } from "@/lib/service-accounts/service-account-schemas";

export const GET = orgRoute({ permission: "serviceAccounts.read", query: listServiceAccountsQuerySchema }, ({ org, query }) =>
  listServiceAccounts({ orgId: org.id, ...query }),
);

export const POST = orgRoute(
  { permission: "serviceAccounts.write", body: createServiceAccountSchema, status: 201 },
  ({ org, principal, body, audit }) => createServiceAccount({ orgId: org.id, input: body, createdById: principal.userId, audit }),
);
