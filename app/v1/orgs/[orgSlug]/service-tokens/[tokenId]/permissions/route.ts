import { idParam, orgRoute } from "@/lib/http/org-route";
import { getPermissions } from "@/lib/grants/get-permissions";

export const GET = orgRoute({ permission: "serviceAccounts.read" }, ({ org, params }) => getPermissions({ orgId: org.id, grantee: { tokenId: idParam(params.tokenId, "Token") } }));
