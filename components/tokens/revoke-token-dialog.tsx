"use client";

import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/client/api";
import { useRevokeServiceToken, type ServiceToken, type TokenOwner } from "@/lib/client/service-tokens";

export function RevokeTokenDialog({ org, owner, token, onClose }: { org: string; owner: TokenOwner; token: ServiceToken | null; onClose: () => void }) {
  const revoke = useRevokeServiceToken(org, owner);

  function confirm() {
    if (!token) return;
    revoke.mutate(
      { tokenId: token.id },
      {
        onSuccess: () => {
          toast.success(`Token ${token.prefix}… revoked`);
          onClose();
        },
        onError: (error) => {
          toast.error(`Could not revoke token ${token.prefix}…`, { description: errorMessage(error) });
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={token !== null}
      title="Revoke token?"
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      {token ? (
        <p>
          <code className="font-mono">{token.prefix}…</code>
          {token.name ? <> ({token.name})</> : null} stops working on its very next request. Anything still using it gets 401. This cannot
          be undone; create a new token to replace it.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
