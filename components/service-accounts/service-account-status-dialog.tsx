"use client";

import { toast } from "sonner";
import { ConfirmEnableDialog } from "@/components/ui/confirm-dialog";
import { useUpdateServiceAccount, type ServiceAccount } from "@/lib/client/service-accounts";

/** Disable stops every token of the account at once; Enable brings back the ones neither revoked nor expired. */
export function ServiceAccountStatusDialog({ org, account, open, onClose }: { org: string; account: ServiceAccount; open: boolean; onClose: () => void }) {
  const update = useUpdateServiceAccount(org, account.id);
  const disabling = account.status === "ACTIVE";
  const n = disabling ? account.activeTokenCount : account.suspendedTokenCount;

  return (
    <ConfirmEnableDialog
      open={open} onClose={onClose} name={account.name} disabling={disabling} noun="service account" mutation={update}
      variables={{ status: disabling ? ("DISABLED" as const) : ("ACTIVE" as const) }}
      onSaved={(updated) => toast.success(updated.status === "DISABLED" ? `${updated.name} is disabled` : `${updated.name} is enabled`)}
    >
      {disabling ? (
        <p>
          {n === 0
            ? "It has no active tokens now; tokens you create while it is disabled will not work either."
            : n === 1
              ? "Its 1 active token stops working immediately."
              : `All ${n} active tokens stop working immediately.`}{" "}
          Nothing is deleted; enabling the account brings back every token that is neither revoked nor expired.
        </p>
      ) : (
        <p>
          {n === 0
            ? "It has no token that is neither revoked nor expired, so nothing starts working until you create a new token."
            : n === 1
              ? "Its 1 token that is neither revoked nor expired works again immediately."
              : `Its ${n} tokens that are neither revoked nor expired work again immediately.`}{" "}
          Revoked and expired tokens stay unusable.
        </p>
      )}
    </ConfirmEnableDialog>
  );
}
