import type { Principal } from "@/lib/principal";
import type { AccessLogFields } from "@/lib/ops/access-log-context";

/** Who called, as the access log records it: ids and the token's display prefix, never a secret. */
export function principalLogFields(principal: Principal): AccessLogFields {
  if (principal.kind === "user") return { principalKind: "user", principalId: principal.userId };
  return {
    principalKind: "token",
    principalId: principal.tokenId,
    tokenPrefix: principal.tokenPrefix,
    serviceAccountId: principal.serviceAccount?.id,
    orgSlug: principal.orgSlug,
  };
}
