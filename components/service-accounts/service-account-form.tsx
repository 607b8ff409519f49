"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, errorMessage } from "@/lib/client/api";
import type { ServiceAccountInput } from "@/lib/client/service-accounts";

type ServiceAccountFormProps = {
  initial?: ServiceAccountInput;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ServiceAccountInput) => void;
  onCancel: () => void;
  /** In a dialog the buttons sit bottom right; inline on the page they follow the fields. */
  layout?: "dialog" | "inline";
};

/** Name and description of a service account: the New service account dialog and the inline edit on its page. */
export function ServiceAccountForm({ initial, submitLabel, pendingLabel, pending, error, onSubmit, onCancel, layout = "dialog" }: ServiceAccountFormProps) {
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
        hint={layout === "dialog" ? "Up to 64 characters, unique in the organization, e.g. “ci-deploy”." : undefined}
        error={nameError}
      />
      <Textarea
        label="Description"
        name="description"
        defaultValue={initial?.description}
        maxLength={500}
        rows={3}
        hint="Optional. What the bot does and who looks after it."
        error={descriptionError}
      />
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className={layout === "dialog" ? "mt-6 flex justify-end gap-2" : "flex gap-2"}>
        {layout === "inline" ? (
          <>
            <Button type="submit" disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
