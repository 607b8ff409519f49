import { idParam, orgRoute } from "@/lib/http/org-route";
import { revokeServiceToken } from "@/lib/tokens/revoke-service-token";

export const DELETE = orgRoute({ permission: "serviceTokens.write" }, ({ org, principal, params, audit }) =>
  revokeServiceToken({
    orgId: org.id,
    owner: { serviceAccountId: idParam(params.serviceAccountId, "Service account") },
    tokenId: idParam(params.tokenId, "Token"),
    actorUserId: principal.userId,
    audit,
  }),
);
