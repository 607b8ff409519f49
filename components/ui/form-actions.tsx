import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, errorMessage } from "@/lib/client/api";

type FormActionsProps = {
  submitLabel: React.ReactNode;
  /** Shown on the submit button while the request runs ("Saving…"). */
  pendingLabel: React.ReactNode;
  pending: boolean;
  onCancel: () => void;
  /** False while the form has nothing to send yet (no choice made): submit is disabled. */
  canSubmit?: boolean;
  variant?: "primary" | "danger";
  /** A spinner beside the pending label, for requests that take a while (a sync). */
  spinner?: boolean;
};

/** Cancel and submit at the bottom of a form dialog; both wait while the request runs. */
export function FormActions({ submitLabel, pendingLabel, pending, onCancel, canSubmit = true, variant = "primary", spinner = false }: FormActionsProps) {
  return (
    <DialogActions>
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} disabled={!canSubmit || pending}>
        {pending ? (
          spinner ? (
            <>
              <Spinner /> {pendingLabel}
            </>
          ) : (
            pendingLabel
          )
        ) : (
          submitLabel
        )}
      </Button>
    </DialogActions>
  );
}

/** What went wrong with the whole form (not one field), announced as it appears. */
export function FormError({ message }: { message: React.ReactNode }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

/** A one-field form's errors: the API's message for that field, or else the whole error, said above the buttons. */
export function singleFieldErrors(error: unknown, field: string) {
  const fieldError = error instanceof ApiError ? error.fieldMessage(field) : null;
  return { fieldError, formError: error && !fieldError ? errorMessage(error) : null };
}
