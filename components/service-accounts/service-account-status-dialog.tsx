"use client";

import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/client/api";
import { useUpdateServiceAccount, type ServiceAccount } from "@/lib/client/service-accounts";

/** Disable stops every token of the account at once; Enable brings back the ones neither revoked nor expired. */
export function ServiceAccountStatusDialog({ org, account, open, onClose }: { org: string; account: ServiceAccount; open: boolean; onClose: () => void }) {
  const update = useUpdateServiceAccount(org, account.id);
  const disabling = account.status === "ACTIVE";
  const n = disabling ? account.activeTokenCount : account.suspendedTokenCount;

  function confirm() {
    update.mutate(
      { status: disabling ? "DISABLED" : "ACTIVE" },
      {
        onSuccess: (updated) => {
          toast.success(updated.status === "DISABLED" ? `${updated.name} is disabled` : `${updated.name} is enabled`);
          onClose();
        },
        onError: (error) => {
          toast.error(disabling ? `Could not disable ${account.name}` : `Could not enable ${account.name}`, { description: errorMessage(error) });
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={open}
      title={disabling ? `Disable ${account.name}?` : `Enable ${account.name}?`}
      confirmLabel={disabling ? "Disable service account" : "Enable service account"}
      pendingLabel={disabling ? "Disabling…" : "Enabling…"}
      tone={disabling ? "danger" : "primary"}
      pending={update.isPending}
      onConfirm={confirm}
      onClose={onClose}
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
    </ConfirmDialog>
  );
}
