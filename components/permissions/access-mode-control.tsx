"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { AccessModeRadios, fullAccessWarning, type GranteeKind } from "@/components/permissions/access-mode-radios";
import { errorMessage } from "@/lib/client/api";
import { ACCESS_MODE_LABELS, useSetAccessMode, type AccessMode, type Grantee } from "@/lib/client/permissions";

type AccessModeControlProps = {
  org: string;
  grantee: Grantee;
  kind: GranteeKind;
  /** For the toasts: the account's name, or "token alk_svc_…". */
  granteeName: string;
  accessMode: AccessMode;
};

/**
 * The saved mode of an account or token. Either change asks first: an arrow
 * key on the radios must not widen (or cut) a bot's access by itself.
 */
export function AccessModeControl({ org, grantee, kind, granteeName, accessMode }: AccessModeControlProps) {
  const setMode = useSetAccessMode(org, grantee);
  const [confirming, setConfirming] = useState<AccessMode | null>(null);

  async function save(mode: AccessMode) {
    try {
      await setMode.mutateAsync({ accessMode: mode });
      toast.success(`Access mode of ${granteeName} set to ${ACCESS_MODE_LABELS[mode]}`);
    } catch (error) {
      toast.error("Could not change the access mode", { description: errorMessage(error) });
    } finally {
      setConfirming(null);
    }
  }

  function choose(mode: AccessMode) {
    // Not disabled while saving: a disabled radio would drop the keyboard focus.
    if (mode === accessMode || setMode.isPending) return;
    setConfirming(mode);
  }

  return (
    <>
      <AccessModeRadios kind={kind} value={accessMode} onChange={choose} />
      <ConfirmDialog
        open={confirming === "FULL_ACCESS"}
        title="Give Full Access?"
        confirmLabel="Give Full Access"
        pendingLabel="Giving Full Access…"
        pending={setMode.isPending}
        onConfirm={() => void save("FULL_ACCESS")}
        onClose={() => setConfirming(null)}
      >
        <p>{fullAccessWarning(kind)}</p>
        <p>You can switch back to Restricted at any time; its grants are kept.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "RESTRICTED"}
        title="Switch to Restricted?"
        confirmLabel="Switch to Restricted"
        pendingLabel="Switching…"
        pending={setMode.isPending}
        onConfirm={() => void save("RESTRICTED")}
        onClose={() => setConfirming(null)}
      >
        <p>From the next request, {granteeName} can use only its toolsets and explicit grants; everything else it reaches through Full Access stops.</p>
      </ConfirmDialog>
    </>
  );
}
