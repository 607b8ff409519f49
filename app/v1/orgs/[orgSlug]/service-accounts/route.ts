import { orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { createServiceAccountSchema, listServiceAccountsQuerySchema } from "@/lib/service-accounts/contract";

export const GET = orgRoute({ permission: "serviceAccounts.read", query: listServiceAccountsQuerySchema }, ({ org, query }) =>
  listServiceAccounts({ orgId: org.id, ...query }),
);

export const POST = orgRoute(
  { permission: "serviceAccounts.write", body: createServiceAccountSchema, status: 201 },
  ({ org, principal, body, audit, req }) =>
    withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201 }, () =>
      createServiceAccount({ orgId: org.id, input: body, createdById: principal.userId, audit }),
    ),
);
