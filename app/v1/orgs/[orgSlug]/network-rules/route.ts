import { orgRoute } from "@/lib/http/org-route";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { addNetworkRule } from "@/lib/network/add-network-rule";
import { listNetworkRules } from "@/lib/network/list-network-rules";
import { addNetworkRuleSchema } from "@/lib/network/contract";

// The organization's allowlist layer.
export const GET = orgRoute({ permission: "network.read" }, ({ org }) => listNetworkRules({ orgId: org.id, serviceAccountId: null }));

export const POST = orgRoute({ permission: "network.write", body: addNetworkRuleSchema, status: 201 }, ({ org, body, audit, req }) =>
  withIdempotencyKey({ req, orgId: org.id, actor: audit.actor, body, status: 201 }, () =>
    addNetworkRule({ orgId: org.id, serviceAccountId: null, cidr: body.cidr, label: body.label, audit }),
  ),
);
