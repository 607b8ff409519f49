"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import type { ServiceAccount } from "@/lib/client/service-accounts";

type Props = { account: ServiceAccount; open: boolean; pending: boolean; onConfirm: () => void; onClose: () => void };

/** Deleting cannot be undone and revokes every token, so the name must be typed before the button works. */
export function DeleteServiceAccountDialog({ account, open, pending, onConfirm, onClose }: Props) {
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={`Delete ${account.name}?`}>
      {/* Mounted only while open (the Dialog's content is), so the typed name starts empty every time. */}
      <DeleteForm account={account} pending={pending} onConfirm={onConfirm} onClose={onClose} />
    </Dialog>
  );
}

function DeleteForm({ account, pending, onConfirm, onClose }: Omit<Props, "open">) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === account.name;
  const n = account.activeTokenCount;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches && !pending) onConfirm();
  }

  return (
    <form onSubmit={submit} className="space-y-4 text-sm text-slate-700" noValidate>
      <p>
        {n === 0
          ? "The account is deleted and its tokens are revoked."
          : n === 1
            ? "The account is deleted and its 1 active token is revoked: anything still using it gets 401 from the next request."
            : `The account is deleted and its ${n} active tokens are revoked: anything still using them gets 401 from the next request.`}{" "}
        The audit log keeps what happened. This cannot be undone.
      </p>
      <Field
        label="Type the name to confirm"
        hint={`Type “${account.name}”.`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={pending}
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={!matches || pending}>
          {pending ? "Deleting…" : "Delete service account"}
        </Button>
      </DialogActions>
    </form>
  );
}
