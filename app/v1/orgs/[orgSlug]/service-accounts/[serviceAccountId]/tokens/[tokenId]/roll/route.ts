import { idParam, orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { rollServiceToken } from "@/lib/tokens/roll-service-token";
import { rollTokenSchema } from "@/lib/tokens/contract";

// The replacement's secret is in this response once; a repeated Idempotency-Key is a 409, never a replay.
export const POST = orgRoute({ permission: "serviceTokens.write", body: rollTokenSchema, status: 201 }, ({ org, principal, params, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201, replay: "never" }, () =>
    rollServiceToken({
      orgId: org.id,
      owner: { serviceAccountId: idParam(params.serviceAccountId, "Service account") },
      tokenId: idParam(params.tokenId, "Token"),
      grace: body.grace,
      createdById: principal.userId,
      audit,
    }),
  ),
);
