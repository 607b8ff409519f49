import { useId } from "react";

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | null };

/** The classes every text control shares (input, textarea, select add their own). */
export const CONTROL_CLASS = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500";

/** A labelled input; the hint and error are tied to it for screen readers. */
export function Field({ label, hint, error, id, className = "", ...props }: FieldProps) {
  const control = useControlIds(id, hint, error);
  return (
    <FieldFrame controlId={control.id} label={label} hint={hint} error={error}>
      <input {...control.props} className={`${CONTROL_CLASS} placeholder:text-slate-500 ${className}`} {...props} />
    </FieldFrame>
  );
}

/** The control's id (the one given, or a generated one) and the attributes that tie its hint and error to it. */
export function useControlIds(id: string | undefined, hint: string | undefined, error: string | null | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id: controlId, props: { id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
}

type FieldFrameProps = {
  controlId: string;
  label: string;
  /** For a control inside a table row, where the column header is the visible label. */
  hideLabel?: boolean;
  hint?: string;
  error?: string | null;
  children: React.ReactNode;
};

/** Label above, hint and error below: the frame that Field, Textarea and Select share. */
export function FieldFrame({ controlId, label, hideLabel = false, hint, error, children }: FieldFrameProps) {
  return (
    <div className={hideLabel ? "" : "space-y-1"}>
      <label htmlFor={controlId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${controlId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${controlId}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A Field for a machine value (a slug, an address): monospace, with no autocomplete or spellcheck. */
export function CodeField({ className = "", ...props }: FieldProps) {
  return <Field autoComplete="off" spellCheck={false} className={`font-mono ${className}`.trim()} {...props} />;
}
