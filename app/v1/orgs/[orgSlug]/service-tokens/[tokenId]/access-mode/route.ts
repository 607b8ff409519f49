import { idParam, orgRoute } from "@/lib/http/org-route";
import { accessModeSchema } from "@/lib/grants/contract";
import { setAccessMode } from "@/lib/grants/set-access-mode";

// People only: no token can change an access mode, its own included.
export const PUT = orgRoute({ permission: "serviceTokens.write", body: accessModeSchema }, ({ org, params, body, audit }) =>
  setAccessMode({ orgId: org.id, grantee: { tokenId: idParam(params.tokenId, "Token") }, accessMode: body.accessMode, audit }),
);
