"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { PermissionsEditor } from "@/components/permissions/permissions-editor";
import type { ServiceToken } from "@/lib/client/service-tokens";

/** An org-wide token's access mode and grants, the same editor as a service account's; every change saves at once. */
export function TokenPermissionsDialog({ org, token, onClose }: { org: string; token: ServiceToken | null; onClose: () => void }) {
  return (
    <Dialog
      open={token !== null}
      onClose={onClose}
      size="wide"
      title={token ? `Permissions of token ${token.prefix}…` : "Permissions"}
      description={
        token ? (
          <>
            {token.name ? <>“{token.name}”. </> : null}
            What this org-wide token may do. A change takes effect when you save it, from its next request.
            {token.status !== "active" ? " The token is no longer active, so none of this is in use." : null}
          </>
        ) : undefined
      }
    >
      {token ? (
        <>
          <PermissionsEditor org={org} grantee={{ tokenId: token.id }} kind="token" granteeName={`token ${token.prefix}…`} compactHelp />
          <DialogActions>
            <Button onClick={onClose}>Done</Button>
          </DialogActions>
        </>
      ) : null}
    </Dialog>
  );
}
