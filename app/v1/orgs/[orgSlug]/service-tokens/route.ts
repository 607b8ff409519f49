import { orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { listTokensQuerySchema, mintOrgTokenSchema } from "@/lib/tokens/contract";

// Org-wide tokens: they belong to the organization, not to a service account.
const owner = { orgWide: true } as const;

export const GET = orgRoute({ permission: "serviceAccounts.read", query: listTokensQuerySchema }, ({ org, query }) =>
  listServiceTokens({ orgId: org.id, owner, ...query }),
);

// An org-wide token is created with its access mode and grants (Restricted, none, by default).
// A repeated Idempotency-Key is a 409: the token's secret is never replayed.
export const POST = orgRoute({ permission: "serviceTokens.write", body: mintOrgTokenSchema, status: 201 }, ({ org, principal, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201, replay: "never" }, () =>
    mintServiceToken({ orgId: org.id, owner, input: body, createdById: principal.userId, audit }),
  ),
);
