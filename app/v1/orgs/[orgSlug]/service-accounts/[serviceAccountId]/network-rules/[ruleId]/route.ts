import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeNetworkRule } from "@/lib/network/remove-network-rule";

export const DELETE = orgRoute({ permission: "network.write" }, ({ org, params, audit }) =>
  removeNetworkRule({
    orgId: org.id,
    serviceAccountId: idParam(params.serviceAccountId, "Service account"),
    ruleId: idParam(params.ruleId, "Allowlist entry"),
    audit,
  }),
);
