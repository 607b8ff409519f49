"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";

export type RevealedPassword = { name: string; email: string; password: string };

/** Shows a new account's one-time password once: copy it, then Done forgets it. */
export function OneTimePasswordPanel({ name, email, password, onDone }: RevealedPassword & { onDone: () => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      toast.success("Password copied");
    } catch {
      toast.error("Could not copy the password", { description: "Select it and copy it by hand." });
    }
  }

  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        An account was created for <strong className="font-medium text-slate-900">{name}</strong> ({email}). Give them this one-time
        password through a channel you trust; they sign in with their email and this password.
      </p>
      <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        <code aria-label="One-time password" className="flex-1 font-mono text-base break-all text-slate-900 select-all">
          {password}
        </code>
        <Button variant="secondary" size="sm" onClick={copy} autoFocus>
          Copy
        </Button>
      </div>
      <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
        <strong className="font-semibold">This password will not be shown again.</strong> Copy it now; once you close this panel it is gone, and
        only a new password can replace it.
      </p>
      <DialogActions>
        <Button onClick={onDone}>Done</Button>
      </DialogActions>
    </div>
  );
}
