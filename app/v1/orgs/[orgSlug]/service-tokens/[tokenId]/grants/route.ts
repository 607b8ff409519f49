import { idParam, orgRoute } from "@/lib/http/org-route";
import { setGrantsSchema } from "@/lib/grants/contract";
import { setGrants } from "@/lib/grants/set-grants";

// People only: no token can grant anything, to itself or anyone.
export const PATCH = orgRoute({ permission: "serviceTokens.write", body: setGrantsSchema }, ({ org, params, body, audit }) =>
  setGrants({ orgId: org.id, grantee: { tokenId: idParam(params.tokenId, "Token") }, entries: body.grants, audit }),
);
