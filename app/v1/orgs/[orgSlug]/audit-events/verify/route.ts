import { AppError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { isCrossSiteRequest } from "@/lib/http/same-origin";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const GET = orgRoute({ permission: "audit.read" }, ({ req, org }) => {
  if (isCrossSiteRequest(req)) throw new AppError("forbidden", "Cross-site request refused: verify from the Control Room");
  return verifyAuditChain({ orgId: org.id });
});
