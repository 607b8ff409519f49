"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";

type Props = {
  open: boolean;
  title: string;
  /** What deleting does, in a sentence or two. */
  consequence: React.ReactNode;
  /** The text the person must type (a name, a slug) before the button works. */
  expected: string;
  /** "name" or "slug": the field reads "Type the {what} to confirm". */
  what: string;
  confirmLabel: string;
  monospace?: boolean;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** For what cannot be undone: the button works only once the exact name (or slug) is typed. */
export function TypeToConfirmDialog({ open, title, pending, onClose, ...form }: Props) {
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={title}>
      {/* Mounted only while open (the Dialog's content is), so the typed text starts empty every time. */}
      <ConfirmForm pending={pending} onClose={onClose} {...form} />
    </Dialog>
  );
}

function ConfirmForm({ consequence, expected, what, confirmLabel, monospace, pending, onConfirm, onClose }: Omit<Props, "open" | "title">) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === expected;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches && !pending) onConfirm();
  }

  return (
    <form onSubmit={submit} className="space-y-4 text-sm text-slate-700" noValidate>
      <p>
        {consequence} The audit log keeps what happened. This cannot be undone.
      </p>
      <Field
        label={`Type the ${what} to confirm`}
        hint={`Type “${expected}”.`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={pending}
        className={monospace ? "font-mono" : undefined}
      />
      <FormActions submitLabel={confirmLabel} pendingLabel="Deleting…" pending={pending} canSubmit={matches} variant="danger" onCancel={onClose} />
    </form>
  );
}
