/** A JSON Schema behind a disclosure: closed by default, pretty-printed when opened. */
export function JsonSchemaDetails({ label = "Input schema", schema }: { label?: string; schema: unknown }) {
  return (
    <details className="group mt-1 text-xs">
      <summary className="cursor-pointer font-medium text-indigo-700 select-none hover:underline">{label}</summary>
      <pre className="mt-1 max-h-72 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-relaxed text-slate-800">
        {JSON.stringify(schema ?? {}, null, 2)}
      </pre>
    </details>
  );
}
