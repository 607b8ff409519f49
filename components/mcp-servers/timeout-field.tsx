import { TIMEOUT_HINT } from "@/components/mcp-servers/timeout";
import { Field } from "@/components/ui/field";

/** How long the gateway waits for the server, in seconds, in the Register and Edit dialogs. */
export function TimeoutField({ value, onChange, error }: { value: string; onChange: (seconds: string) => void; error: string | null }) {
  return (
    <Field
      label="Timeout (seconds)"
      type="number"
      inputMode="numeric"
      min={1}
      max={300}
      step={1}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint={TIMEOUT_HINT}
      error={error}
      className="max-w-32"
    />
  );
}
