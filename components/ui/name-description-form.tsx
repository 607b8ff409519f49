"use client";

import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, errorMessage } from "@/lib/client/api";
export type NameDescription = { name: string; description: string };

type NameDescriptionFormProps = {
  initial?: NameDescription;
  /** What the description is for, shown under its field. */
  descriptionHint: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: NameDescription) => void;
  onCancel: () => void;
};

/** Name and description (groups, toolsets), for both their New and Edit dialogs. */
export function NameDescriptionForm({ initial, descriptionHint, submitLabel, pendingLabel, pending, error, onSubmit, onCancel }: NameDescriptionFormProps) {
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

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Name" name="name" defaultValue={initial?.name} maxLength={64} autoComplete="off" required error={nameError} />
      <Textarea
        label="Description"
        name="description"
        defaultValue={initial?.description}
        maxLength={500}
        rows={3}
        hint={descriptionHint}
        error={descriptionError}
      />
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
