import { orgRoute } from "@/lib/http/org-route";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const GET = orgRoute({ permission: "audit.read" }, ({ org }) => verifyAuditChain({ orgId: org.id }));
