import { idParam, orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { listTokensQuerySchema, mintTokenSchema } from "@/lib/tokens/contract";

const owner = (params: Record<string, string>) => ({ serviceAccountId: idParam(params.serviceAccountId, "Service account") });

export const GET = orgRoute({ permission: "serviceAccounts.read", query: listTokensQuerySchema }, ({ org, params, query }) =>
  listServiceTokens({ orgId: org.id, owner: owner(params), ...query }),
);

// The response carries the token itself, once; it is never stored or shown again
// (a repeated Idempotency-Key is a 409, not a replay).
export const POST = orgRoute({ permission: "serviceTokens.write", body: mintTokenSchema, status: 201 }, ({ org, principal, params, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201, replay: "never" }, () =>
    mintServiceToken({ orgId: org.id, owner: owner(params), input: body, createdById: principal.userId, audit }),
  ),
);
