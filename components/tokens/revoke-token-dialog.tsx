"use client";

import { ConfirmRowMutationDialog } from "@/components/ui/confirm-dialog";
import { useRevokeServiceToken, type ServiceToken, type TokenOwner } from "@/lib/client/service-tokens";

export function RevokeTokenDialog({ org, owner, token, onClose }: { org: string; owner: TokenOwner; token: ServiceToken | null; onClose: () => void }) {
  const revoke = useRevokeServiceToken(org, owner);
  return (
    <ConfirmRowMutationDialog
      row={token}
      title={() => "Revoke token?"}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      mutation={revoke}
      variables={(token) => ({ tokenId: token.id })}
      succeeded={(token) => `Token ${token.prefix}… revoked`}
      failed={(token) => `Could not revoke token ${token.prefix}…`}
      onClose={onClose}
    >
      {(token) => (
        <p>
          <code className="font-mono">{token.prefix}…</code>
          {token.name ? <> ({token.name})</> : null} stops working on its very next request. Anything still using it gets 401. This cannot
          be undone; create a new token to replace it.
        </p>
      )}
    </ConfirmRowMutationDialog>
  );
}
