import { idParam, orgRoute } from "@/lib/http/org-route";
import { removeNetworkRule } from "@/lib/network/remove-network-rule";

export const DELETE = orgRoute({ permission: "network.write" }, ({ org, params, audit }) =>
  removeNetworkRule({ orgId: org.id, serviceAccountId: null, ruleId: idParam(params.ruleId, "Allowlist entry"), audit }),
);
