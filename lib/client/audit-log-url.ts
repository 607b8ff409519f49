"use client";

import { AUDIT_ACTOR_KIND_LABELS, AUDIT_FILTER_NAMES, NO_AUDIT_FILTERS, type AuditActorKind, type AuditLogFilters } from "@/lib/client/audit";
import { queryString } from "@/lib/client/api";
import type { ListUrlCodec } from "@/lib/client/use-list-url-state";

const ACTOR_KINDS: readonly string[] = Object.keys(AUDIT_ACTOR_KIND_LABELS);

/** The filters a shared or reloaded audit log URL carries; anything unreadable is left out, not guessed. */
export function auditFiltersFromSearch(search: { get: (name: string) => string | null }): AuditLogFilters {
  const filters = { ...NO_AUDIT_FILTERS };
  for (const name of AUDIT_FILTER_NAMES) {
    const value = search.get(name)?.trim() ?? "";
    if (name === "actorKind") filters.actorKind = ACTOR_KINDS.includes(value) ? (value as AuditActorKind) : "";
    else if (name === "from" || name === "to") filters[name] = Number.isNaN(Date.parse(value)) ? "" : new Date(value).toISOString();
    else filters[name] = value;
  }
  return filters;
}

/** `?action=…&from=…` for the filters that are set: what the address bar shows. */
export function auditFiltersToSearch(filters: AuditLogFilters): string {
  return queryString(filters);
}

/** The audit log's filters in the URL, for useListUrlState: the text boxes debounced. */
export const AUDIT_LOG_LIST: ListUrlCodec<AuditLogFilters> = {
  empty: NO_AUDIT_FILTERS,
  typed: ["actor", "action", "targetId"],
  fromSearch: auditFiltersFromSearch,
  toSearch: auditFiltersToSearch,
};

const DATE_TIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as an `<input type="datetime-local">` value, in the reader's time zone. */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the reader's time zone, no offset) as an ISO instant in UTC; "" while incomplete. */
export function fromDateTimeLocal(value: string): string {
  if (!DATE_TIME_LOCAL.test(value)) return "";
  // Without an offset, Date reads a date-time as local time, which is what the input means.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
