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

/** What an event changed, field by field; the fields it left alone are folded away. */
export function AuditValueDiff({ before, after }: { before: unknown; after: unknown }) {
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
