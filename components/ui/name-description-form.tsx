"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormActions, FormError } from "@/components/ui/form-actions";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, errorMessage } from "@/lib/client/api";

export type NameDescription = { name: string; description: string };

type NameDescriptionFormProps = {
  initial?: NameDescription;
  /** What the name must be, shown under its field. */
  nameHint?: string;
  /** What the description is for, shown under its field. */
  descriptionHint: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: NameDescription) => void;
  onCancel: () => void;
  /** In a dialog the buttons sit bottom right; inline on the page they follow the fields, and Escape cancels. */
  layout?: "dialog" | "inline";
};

/** Name and description (groups, toolsets, service accounts), for their New and Edit dialogs and inline edits. */
export function NameDescriptionForm({ initial, nameHint, descriptionHint, submitLabel, pendingLabel, pending, error, onSubmit, onCancel, layout = "dialog" }: NameDescriptionFormProps) {
  const problem = error instanceof ApiError ? error : null;
  // A duplicate name is a 409 with no field list; it still belongs under Name.
  const nameError = problem?.fieldMessage("name") ?? (problem?.status === 409 ? problem.detail : null);
  const descriptionError = problem?.fieldMessage("description") ?? null;
  const formError = error && !nameError && !descriptionError ? errorMessage(error) : null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmit({ name: String(form.get("name") ?? "").trim(), description: String(form.get("description") ?? "").trim() });
  }

  function cancelOnEscape(event: React.KeyboardEvent<HTMLFormElement>) {
    // In a dialog, Escape already closes it; inline, it leaves edit mode.
    if (layout === "inline" && event.key === "Escape" && !pending) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={cancelOnEscape} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        defaultValue={initial?.name}
        maxLength={64}
        autoComplete="off"
        required
        autoFocus={layout === "inline"}
        hint={nameHint}
        error={nameError}
      />
      <Textarea
        label="Description"
        name="description"
        defaultValue={initial?.description}
        maxLength={500}
        rows={3}
        hint={descriptionHint}
        error={descriptionError}
      />
      <FormError message={formError} />
      {layout === "inline" ? (
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : (
        <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={pending} onCancel={onCancel} />
      )}
    </form>
  );
}

type SaveMutation<Result> = {
  mutate: (input: NameDescription, callbacks: { onSuccess: (result: Result) => void; onError: (error: unknown) => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
};

type NameDescriptionDialogProps<Result> = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  descriptionHint: string;
  /** The current values, when editing. */
  initial?: NameDescription;
  /** "Save changes" when editing. */
  submitLabel?: string;
  /** "Saving…" when editing, "Creating…" when not. */
  pendingLabel?: string;
  /** The create or update mutation; the dialog resets it whenever it closes. */
  mutation: SaveMutation<Result>;
  successMessage: (result: Result) => string;
  errorMessage: string;
  /** After the success toast and the dialog closing (open what was created). */
  onSaved?: (result: Result) => void;
};

/** The New and Edit dialogs of a thing that is a name and a description: a toast either way, closed on success. */
export function NameDescriptionDialog<Result>({ open, onClose, title, description, descriptionHint, initial, mutation, successMessage, errorMessage: failure, onSaved, ...labels }: NameDescriptionDialogProps<Result>) {
  const submitLabel = labels.submitLabel ?? "Save changes";
  const pendingLabel = labels.pendingLabel ?? (initial ? "Saving…" : "Creating…");
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      <NameDescriptionForm
        descriptionHint={descriptionHint}
        initial={initial}
        submitLabel={submitLabel}
        pendingLabel={pendingLabel}
        pending={mutation.isPending}
        error={mutation.error}
        onCancel={close}
        onSubmit={(input) =>
          mutation.mutate(input, {
            onSuccess: (result) => {
              toast.success(successMessage(result));
              close();
              onSaved?.(result);
            },
            onError: (error) => toast.error(failure, { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}
