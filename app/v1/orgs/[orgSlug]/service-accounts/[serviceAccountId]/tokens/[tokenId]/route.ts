import { idParam, orgRoute } from "@/lib/http/org-route";
import { revokeServiceToken } from "@/lib/tokens/revoke-service-token";
import { tokenRateLimitSchema } from "@/lib/network/contract";
import { updateTokenRateLimit } from "@/lib/tokens/update-token-rate-limit";

// Edit a token's rate limit (the only thing about a token that can change).
export const PATCH = orgRoute({ permission: "serviceTokens.write", body: tokenRateLimitSchema }, ({ org, params, body, audit }) =>
  updateTokenRateLimit({
    orgId: org.id,
    owner: { serviceAccountId: idParam(params.serviceAccountId, "Service account") },
    tokenId: idParam(params.tokenId, "Token"),
    rateLimitPerMinute: body.rateLimitPerMinute,
    audit,
  }),
);

export const DELETE = orgRoute({ permission: "serviceTokens.write" }, ({ org, principal, params, audit }) =>
  revokeServiceToken({
    orgId: org.id,
    owner: { serviceAccountId: idParam(params.serviceAccountId, "Service account") },
    tokenId: idParam(params.tokenId, "Token"),
    actorUserId: principal.userId,
    audit,
  }),
);
