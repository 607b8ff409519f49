"use client";

import { useEffect, useId, useRef } from "react";

type DialogProps = {
  open: boolean;
  /** Called when the person asks to close (Escape, or the browser closing it); the parent sets `open` to false. */
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  /** False while closing would lose something (a secret shown once): Escape then does nothing. */
  dismissible?: boolean;
  /** "wide" for dialogs that hold a list to pick from. */
  size?: "default" | "wide";
  children: React.ReactNode;
};

/**
 * A modal on the native <dialog>: showModal() makes the page inert, traps
 * focus and moves it to the first control; Escape closes; focus goes back to
 * the control that opened it. The content mounts only while open, so every
 * opening starts from a fresh form.
 */
export function Dialog({ open, onClose, title, description, dismissible = true, size = "default", children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const latest = useRef({ open, onClose, dismissible });
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    latest.current = { open, onClose, dismissible };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // React passes a nested dialog's cancel, close and keydown events up to this
  // one's handlers (a confirmation opened from inside a dialog): ignore them.
  const ownEvent = (event: React.SyntheticEvent) => event.target instanceof Element && event.target.closest("dialog") === ref.current;

  function onCancel(event: React.SyntheticEvent<HTMLDialogElement>) {
    if (!ownEvent(event)) return;
    // Keep React in charge of `open`: ask the parent instead of letting the browser close it.
    event.preventDefault();
    if (dismissible) onClose();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDialogElement>) {
    // Chrome closes a dialog on the second Escape even when the first cancel
    // was prevented; a cancelled keydown never becomes a close request at all.
    if (!dismissible && event.key === "Escape" && ownEvent(event)) event.preventDefault();
  }

  function onNativeClose(event: React.SyntheticEvent<HTMLDialogElement>) {
    if (!ownEvent(event)) return;
    // Should the browser close a dialog that must stay open anyway, put it back.
    if (latest.current.open && !latest.current.dismissible) {
      ref.current?.showModal();
      return;
    }
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
    // The browser may close a dialog on its own (a repeated Escape); tell the parent.
    if (latest.current.open) latest.current.onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
      onClose={onNativeClose}
      className={`m-auto w-[calc(100%-2rem)] ${size === "wide" ? "max-w-2xl" : "max-w-lg"} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-1 text-sm text-slate-600">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog, primary action last. */
export function DialogActions({ children }: { children: React.ReactNode }) {
  return <div className="mt-6 flex justify-end gap-2">{children}</div>;
}
