"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/client/api";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  /** "danger" for what takes something away; "primary" for what gives it back (enabling). */
  tone?: "danger" | "primary";
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before a destructive change. Cancel comes first, so it holds the focus when the dialog opens. */
export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, pending = false, tone = "danger", onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={title}>
      <div className="space-y-2 text-sm text-slate-700">{children}</div>
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={pending}>
          {pending ? (pendingLabel ?? `${confirmLabel}…`) : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

type ConfirmRowDialogProps<Row> = Omit<ConfirmDialogProps, "open" | "title" | "children" | "onConfirm"> & {
  /** The row asked about; null keeps the dialog closed. */
  row: Row | null;
  title: (row: Row) => string;
  onConfirm: (row: Row) => void;
  children: (row: Row) => React.ReactNode;
};

/** ConfirmDialog for a row's action (remove, unassign): open while a row is chosen. */
export function ConfirmRowDialog<Row>({ row, title, onConfirm, children, ...props }: ConfirmRowDialogProps<Row>) {
  return (
    <ConfirmDialog open={row !== null} title={row ? title(row) : ""} onConfirm={() => row && onConfirm(row)} {...props}>
      {row ? children(row) : null}
    </ConfirmDialog>
  );
}

type RowMutation<Variables> = { mutate: (variables: Variables, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void; isPending: boolean };

type ConfirmRowMutationProps<Row, Variables> = Omit<ConfirmRowDialogProps<Row>, "onConfirm" | "pending"> & {
  mutation: RowMutation<Variables>;
  variables: (row: Row) => Variables;
  /** The toasts: what was done, and what could not be. */
  succeeded: (row: Row) => string;
  failed: (row: Row) => string;
  /** After the success toast and the dialog closing (leave a page that is gone). */
  onDone?: (row: Row) => void;
};

/** ConfirmRowDialog that runs the mutation itself: a toast either way, and the dialog closes. */
export function ConfirmRowMutationDialog<Row, Variables>({ mutation, variables, succeeded, failed, onDone, onClose, ...props }: ConfirmRowMutationProps<Row, Variables>) {
  function confirm(row: Row) {
    mutation.mutate(variables(row), {
      onSuccess: () => {
        toast.success(succeeded(row));
        onClose();
        onDone?.(row);
      },
      onError: (error) => {
        toast.error(failed(row), { description: errorMessage(error) });
        onClose();
      },
    });
  }
  return <ConfirmRowDialog {...props} pending={mutation.isPending} onConfirm={confirm} onClose={onClose} />;
}

type EnableMutation<Variables, Result> = {
  mutate: (variables: Variables, callbacks: { onSuccess: (result: Result) => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
};

type ConfirmEnableProps<Variables, Result> = {
  open: boolean;
  onClose: () => void;
  name: string;
  /** True to disable, false to enable. */
  disabling: boolean;
  /** What the buttons name: "Disable server", "Enable service account". */
  noun: string;
  mutation: EnableMutation<Variables, Result>;
  variables: Variables;
  /** The success toast, from the saved thing. */
  onSaved: (result: Result) => void;
  children: React.ReactNode;
};

/** Asks before disabling (or enabling) something; either way the dialog closes, with a toast. */
export function ConfirmEnableDialog<Variables, Result>({ open, onClose, name, disabling, noun, mutation, variables, onSaved, children }: ConfirmEnableProps<Variables, Result>) {
  function confirm() {
    mutation.mutate(variables, {
      onSuccess: (result) => {
        onSaved(result);
        onClose();
      },
      onError: (error) => {
        toast.error(disabling ? `Could not disable ${name}` : `Could not enable ${name}`, { description: errorMessage(error) });
        onClose();
      },
    });
  }
  return (
    <ConfirmDialog
      open={open}
      title={disabling ? `Disable ${name}?` : `Enable ${name}?`}
      confirmLabel={disabling ? `Disable ${noun}` : `Enable ${noun}`}
      pendingLabel={disabling ? "Disabling…" : "Enabling…"}
      tone={disabling ? "danger" : "primary"}
      pending={mutation.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      {children}
    </ConfirmDialog>
  );
}
