"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { diffAuditValues, type AuditValueChange } from "@/lib/audit/diff-audit-values";

const CHANGE = {
  added: { label: "Added", tone: "green" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "Changed", tone: "amber" },
} as const;

/** A recorded value as text: strings as they are, everything else as JSON. */
function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Value({ value, present }: { value: unknown; present: boolean }) {
  if (!present) return <span className="text-slate-500">—</span>;
  return <span className="font-mono text-xs break-all whitespace-pre-wrap text-slate-800">{show(value)}</span>;
}

type GrantChange = { resourceType: string; resourceId: string; resource?: string; level: string };

const isGrantList = (value: unknown): value is GrantChange[] =>
  Array.isArray(value) && value.length > 0 && value.every((g) => g && typeof g === "object" && "resourceId" in g && "level" in g);

const LEVEL = { NONE: "None", READ: "Read", WRITE: "Write" } as Record<string, string>;
const RESOURCE = { MCP_SERVER: "MCP server", TOOLSET: "Toolset" } as Record<string, string>;

/** A grants change as one row per resource: its name (as it was then), type, and level before → after. */
function GrantsDiff({ before, after }: { before: GrantChange[]; after: GrantChange[] }) {
  const headingId = useId();
  const was = new Map(before.map((g) => [`${g.resourceType}:${g.resourceId}`, g]));
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Access changes
      </h3>
      <Table caption="Access changed per resource">
        <thead className="bg-slate-50">
          <tr>
            <Th>Resource</Th>
            <Th>Type</Th>
            <Th>Before</Th>
            <Th>After</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {after.map((g) => {
            const old = was.get(`${g.resourceType}:${g.resourceId}`);
            return (
              <tr key={`${g.resourceType}:${g.resourceId}`}>
                <Td className="text-slate-900">{g.resource ?? old?.resource ?? g.resourceId}</Td>
                <Td className="text-slate-700">{RESOURCE[g.resourceType] ?? g.resourceType}</Td>
                <Td className="text-slate-700">{LEVEL[old?.level ?? "NONE"] ?? old?.level}</Td>
                <Td className="font-medium text-slate-900">{LEVEL[g.level] ?? g.level}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}

/** What an event changed, field by field; the fields it left alone are folded away. Grant changes read per resource. */
export function AuditValueDiff({ before, after }: { before: unknown; after: unknown }) {
  if (isGrantList(after) && (isGrantList(before) || before === null || (Array.isArray(before) && before.length === 0))) {
    return <GrantsDiff before={isGrantList(before) ? before : []} after={after} />;
  }
  return <FieldDiff before={before} after={after} />;
}

function FieldDiff({ before, after }: { before: unknown; after: unknown }) {
  const headingId = useId();
  const { changes, unchanged } = diffAuditValues(before, after);

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Changes
      </h3>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">{unchanged.length ? "No field changed." : "This event records no field values."}</p>
      ) : (
        <Table caption="Changed fields">
          <thead className="bg-slate-50">
            <tr>
              <Th>Field</Th>
              <Th>Change</Th>
              <Th>Before</Th>
              <Th>After</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.map((change) => (
              <ChangeRow key={`${change.kind}:${change.path}`} change={change} />
            ))}
          </tbody>
        </Table>
      )}
      {unchanged.length ? (
        <details className="rounded-md border border-slate-200 bg-white">
          <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">
            {unchanged.length} unchanged {unchanged.length === 1 ? "field" : "fields"}
          </summary>
          <dl className="divide-y divide-slate-100 border-t border-slate-200 text-sm">
            {unchanged.map(({ path, value }) => (
              <div key={path} className="grid grid-cols-3 gap-2 px-3 py-2">
                <dt className="font-mono text-xs break-all text-slate-600">{path}</dt>
                <dd className="col-span-2">
                  <Value value={value} present />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

function ChangeRow({ change }: { change: AuditValueChange }) {
  return (
    <tr>
      <Td className="font-mono text-xs break-all text-slate-900">{change.path}</Td>
      <Td>
        <Badge tone={CHANGE[change.kind].tone}>{CHANGE[change.kind].label}</Badge>
      </Td>
      <Td>
        <Value value={"before" in change ? change.before : undefined} present={"before" in change} />
      </Td>
      <Td>
        <Value value={"after" in change ? change.after : undefined} present={"after" in change} />
      </Td>
    </tr>
  );
}
