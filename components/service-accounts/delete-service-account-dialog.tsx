"use client";

import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";
import type { ServiceAccount } from "@/lib/client/service-accounts";

type Props = { account: ServiceAccount; open: boolean; pending: boolean; onConfirm: () => void; onClose: () => void };

/** Deleting cannot be undone and revokes every token, so the name must be typed before the button works. */
export function DeleteServiceAccountDialog({ account, ...rest }: Props) {
  const n = account.activeTokenCount;
  return (
    <TypeToConfirmDialog
      {...rest}
      title={`Delete ${account.name}?`}
      expected={account.name}
      what="name"
      confirmLabel="Delete service account"
      consequence={
        n === 0
          ? "The account is deleted and its tokens are revoked."
          : n === 1
            ? "The account is deleted and its 1 active token is revoked: anything still using it gets 401 from the next request."
            : `The account is deleted and its ${n} active tokens are revoked: anything still using them gets 401 from the next request.`
      }
    />
  );
}
