import { CONTROL_CLASS, FieldFrame, useControlIds } from "@/components/ui/field";

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  /** For a select inside a table row, where the column header is the visible label. */
  hideLabel?: boolean;
  hint?: string;
  error?: string | null;
};

/** A labelled native select; the hint and error are tied to it for screen readers. */
export function Select({ label, hideLabel = false, hint, error, id, className = "", children, ...props }: SelectProps) {
  const control = useControlIds(id, hint, error);
  return (
    <FieldFrame controlId={control.id} label={label} hideLabel={hideLabel} hint={hint} error={error}>
      <select {...control.props} className={`${CONTROL_CLASS} disabled:bg-slate-50 disabled:text-slate-500 ${className}`} {...props}>
        {children}
      </select>
    </FieldFrame>
  );
}
