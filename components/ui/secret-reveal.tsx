"use client";

import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import type { ForgettableSecret } from "@/lib/client/forgettable-secret";

type SecretRevealProps = {
  /** What the secret is, as its field's label: "Token", "One-time password". */
  label: string;
  /**
   * Pass a ForgettableSecret when the secret must not outlive the panel: a
   * plain string prop stays reachable from the parents' previous renders.
   */
  secret: string | ForgettableSecret;
  /** The toast after a successful copy. */
  copiedMessage: string;
  /** Why the secret is shown and what to do with it. */
  children?: React.ReactNode;
  /** The bold first sentence of the warning: "This token will not be shown again." */
  warning: string;
  /** What follows it. */
  warningDetail?: React.ReactNode;
  onDone: () => void;
};

/**
 * A secret shown once: a read-only field to select from, a Copy button that
 * puts exactly the secret on the clipboard, a warning, and Done. The secret
 * lives only in the caller's state; Done is the caller's cue to forget it.
 */
export function SecretReveal({ label, secret, copiedMessage, children, warning, warningDetail, onDone }: SecretRevealProps) {
  const inputId = useId();
  const value = typeof secret === "string" ? secret : secret.value;
  // The button itself says it worked (a toast may sit behind the modal's backdrop on some browsers).
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(copiedMessage);
    } catch {
      toast.error("Could not copy", { description: "Select the text in the field and copy it by hand." });
    }
  }

  return (
    <div className="space-y-4 text-sm text-slate-700">
      {children}
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <div className="flex items-center gap-2">
          <input
            id={inputId}
            readOnly
            value={value}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          />
          <Button variant="secondary" onClick={copy} autoFocus aria-label="Copy" className="min-w-20">
            {copied ? "Copied ✓" : "Copy"}
          </Button>
        </div>
        <p aria-live="polite" className="sr-only">
          {copied ? `${label} copied to the clipboard` : ""}
        </p>
      </div>
      <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
        <strong className="font-semibold">{warning}</strong>
        {warningDetail ? <> {warningDetail}</> : null}
      </p>
      <DialogActions>
        <Button onClick={onDone}>Done</Button>
      </DialogActions>
    </div>
  );
}

/**
 * The state of a dialog that turns into a reveal panel: what is shown once,
 * and a close that forgets the secret (`secretOf`) before the dialog goes.
 */
export function useRevealOnce<Revealed>(secretOf: (revealed: Revealed) => ForgettableSecret, onClose: () => void) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const close = () => {
    if (revealed) secretOf(revealed).forget();
    setRevealed(null);
    onClose();
  };
  return { revealed, setRevealed, close };
}
