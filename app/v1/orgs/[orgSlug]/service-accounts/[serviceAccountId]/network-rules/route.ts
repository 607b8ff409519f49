import { idParam, orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { addNetworkRule } from "@/lib/network/add-network-rule";
import { listNetworkRules } from "@/lib/network/list-network-rules";
import { addNetworkRuleSchema } from "@/lib/network/contract";

// One service account's allowlist layer.
export const GET = orgRoute({ permission: "network.read" }, ({ org, params }) =>
  listNetworkRules({ orgId: org.id, serviceAccountId: idParam(params.serviceAccountId, "Service account") }),
);

export const POST = orgRoute({ permission: "network.write", body: addNetworkRuleSchema, status: 201 }, ({ org, params, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201 }, () =>
    addNetworkRule({ orgId: org.id, serviceAccountId: idParam(params.serviceAccountId, "Service account"), cidr: body.cidr, label: body.label, audit }),
  ),
);
