import { Badge } from "@/components/ui/badge";
import type { OpenApiDocument } from "@/lib/openapi/build-openapi-document";

// The admin API reference, rendered on the server from the same OpenAPI
// document /v1/openapi.json serves: no client script, nothing fetched from
// elsewhere.

type Schema = { type?: string | string[]; enum?: unknown[]; format?: string; default?: unknown; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[]; oneOf?: Schema[]; description?: string };
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Operation = { summary?: string; description?: string; tags?: string[]; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown>; "x-permission"?: string; security?: Record<string, unknown>[] };

const METHOD_TONES = { get: "indigo", post: "green", put: "amber", patch: "amber", delete: "red" } as const;

function describeType(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(describeType).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  if (type === "array") return `${describeType(schema.items)}[]`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraints(schema: Schema | undefined): string {
  if (!schema) return "";
  const notes = [
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : "",
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : "",
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : "",
    schema.minLength !== undefined ? `at least ${schema.minLength} characters` : "",
    schema.maxLength !== undefined ? `at most ${schema.maxLength} characters` : "",
    schema.description ?? "",
  ];
  return notes.filter(Boolean).join(", ");
}

function FieldTable({ rows }: { rows: { name: string; where?: string; required: boolean; schema?: Schema; description?: string }[] }) {
  if (!rows.length) return null;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Name</th>
            <th className="py-1 pr-4 font-medium">Type</th>
            <th className="py-1 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.where}:${row.name}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-4 font-mono text-xs">
                {row.name}
                {row.required ? <span className="text-red-600"> *</span> : null}
                {row.where ? <span className="ml-1 text-slate-500">({row.where})</span> : null}
              </td>
              <td className="py-1 pr-4 font-mono text-xs">{describeType(row.schema)}</td>
              <td className="py-1 text-xs text-slate-600">{[row.description, constraints(row.schema)].filter(Boolean).join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OperationCard({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = operation.requestBody?.content["application/json"]?.schema;
  const bodyRows = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({ name, required: Boolean(body?.required?.includes(name)), schema }));
  const success = Object.keys(operation.responses).filter((status) => /^2/.test(status));
  return (
    <details className="rounded-lg border border-slate-200 bg-white" id={`${method}-${path}`}>
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3">
        <Badge tone={METHOD_TONES[method as keyof typeof METHOD_TONES] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="min-w-0 text-sm break-all">{path}</code>
        <span className="text-sm text-slate-600">{operation.summary}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
        {operation.description ? <p className="text-slate-700">{operation.description.replace(/`/g, "")}</p> : null}
        {operation.parameters?.length ? (
          <section>
            <h4 className="font-medium">Parameters</h4>
            <FieldTable rows={operation.parameters.map((p) => ({ name: p.name, where: p.in, required: Boolean(p.required), schema: p.schema, description: p.description }))} />
          </section>
        ) : null}
        {body ? (
          <section>
            <h4 className="font-medium">JSON body</h4>
            {bodyRows.length ? <FieldTable rows={bodyRows} /> : <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(body, null, 2)}</pre>}
          </section>
        ) : null}
        <p className="text-slate-600">
          Success: {success.join(", ") || "2XX"}. Errors: <code>application/problem+json</code> (see below).
        </p>
      </div>
    </details>
  );
}

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const byTag = new Map<string, { method: string; path: string; operation: Operation }[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const tag = operation.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  const problem = document.components.schemas.Problem;
  return (
    <div className="max-w-5xl space-y-8">
      <p className="text-sm text-slate-700">
        {document.info.description} The machine-readable document: <a className="text-indigo-700 underline" href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI {document.openapi}).
      </p>
      {[...byTag.entries()].map(([tag, operations]) => (
        <section key={tag} aria-label={tag}>
          <h2 className="mb-3 text-lg font-semibold capitalize">{tag.replace(/-/g, " ")}</h2>
          <div className="space-y-2">
            {operations.map((op) => (
              <OperationCard key={`${op.method} ${op.path}`} {...op} />
            ))}
          </div>
        </section>
      ))}
      <section aria-label="Errors">
        <h2 className="mb-3 text-lg font-semibold">Errors</h2>
        <p className="text-sm text-slate-700">{document.components.responses.Problem.description}</p>
        <FieldTable rows={Object.entries(problem.properties).map(([name, schema]) => ({ name, required: problem.required.includes(name), schema: schema as Schema }))} />
      </section>
    </div>
  );
}
