import { CONTROL_CLASS, FieldFrame, useControlIds } from "@/components/ui/field";

type TextareaProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | null };

/** A labelled multi-line input, the sibling of Field. */
export function Textarea({ label, hint, error, id, className = "", ...props }: TextareaProps) {
  const control = useControlIds(id, hint, error);
  return (
    <FieldFrame controlId={control.id} label={label} hint={hint} error={error}>
      <textarea {...control.props} className={`${CONTROL_CLASS} placeholder:text-slate-500 ${className}`} {...props} />
    </FieldFrame>
  );
}
