import { idParam, orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { rollServiceToken } from "@/lib/tokens/roll-service-token";
import { rollTokenSchema } from "@/lib/tokens/contract";

// An org-wide token's replacement keeps its access mode and grants; its secret is in this response once.
export const POST = orgRoute({ permission: "serviceTokens.write", body: rollTokenSchema, status: 201 }, ({ org, principal, params, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201, replay: "never" }, () =>
    rollServiceToken({ orgId: org.id, owner: { orgWide: true }, tokenId: idParam(params.tokenId, "Token"), grace: body.grace, createdById: principal.userId, audit }),
  ),
);
