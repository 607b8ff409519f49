"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { AUDIT_ACTOR_KIND_LABELS, AUDIT_TARGET_KIND_LABELS, type AuditActorKind, type AuditLogFilters } from "@/lib/client/audit";
import { fromDateTimeLocal, toDateTimeLocal } from "@/lib/client/audit-log-url";
import { ServiceAccountSelect } from "@/components/service-accounts/service-account-select";

type Props = {
  org: string;
  draft: AuditLogFilters;
  rangeError: string | null;
  filtered: boolean;
  set: <K extends keyof AuditLogFilters>(name: K, value: AuditLogFilters[K]) => void;
  clear: () => void;
};

/** The audit log's filters: who, what, on what, and when. */
export function AuditLogFilterBar({ org, draft, rangeError, filtered, set, clear }: Props) {
  const targetKinds = Object.keys(AUDIT_TARGET_KIND_LABELS);

  return (
    <form role="search" aria-label="Filter audit events" onSubmit={(e) => e.preventDefault()} className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Actor" type="search" placeholder="Email, name or id" value={draft.actor} onChange={(e) => set("actor", e.target.value)} autoComplete="off" />
        <Select label="Actor kind" value={draft.actorKind} onChange={(e) => set("actorKind", e.target.value as AuditActorKind | "")}>
          <option value="">Any</option>
          {(Object.keys(AUDIT_ACTOR_KIND_LABELS) as AuditActorKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {AUDIT_ACTOR_KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
        <Field
          label="Action"
          type="search"
          placeholder="e.g. service_token"
          value={draft.action}
          onChange={(e) => set("action", e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <ServiceAccountSelect org={org} value={draft.serviceAccountId} onChange={(id) => set("serviceAccountId", id)} noneLabel="Any" />
        <Select label="Target kind" value={draft.targetKind} onChange={(e) => set("targetKind", e.target.value)}>
          <option value="">Any</option>
          {targetKinds.map((kind) => (
            <option key={kind} value={kind}>
              {AUDIT_TARGET_KIND_LABELS[kind]}
            </option>
          ))}
          {draft.targetKind && !targetKinds.includes(draft.targetKind) ? <option value={draft.targetKind}>{draft.targetKind}</option> : null}
        </Select>
        <Field label="Target id" type="search" value={draft.targetId} onChange={(e) => set("targetId", e.target.value)} autoComplete="off" spellCheck={false} />
        <Field
          label="From"
          type="datetime-local"
          hint="Your local time"
          value={toDateTimeLocal(draft.from)}
          onChange={(e) => set("from", fromDateTimeLocal(e.target.value))}
        />
        <Field
          label="To"
          type="datetime-local"
          hint="Up to, not including"
          value={toDateTimeLocal(draft.to)}
          onChange={(e) => set("to", fromDateTimeLocal(e.target.value))}
          error={rangeError}
        />
      </div>
      {filtered ? (
        <div className="flex justify-end">
          <Button variant="ghost" size="sm" onClick={clear}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </form>
  );
}
