"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { NO_AUDIT_FILTERS, type AuditLogFilters } from "@/lib/client/audit";
import { auditFiltersFromSearch, auditFiltersToSearch } from "@/lib/client/audit-log-url";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

/**
 * The audit log's filters: what the inputs hold (`draft`), and what is asked
 * of the API (`filters`), with the typed ones debounced so a search runs once
 * per pause in typing. The URL starts the draft and follows the filters, so a
 * filtered view can be reloaded or shared.
 */
export function useAuditLogFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [draft, setDraft] = useState<AuditLogFilters>(() => auditFiltersFromSearch(searchParams));
  const actor = useDebouncedValue(draft.actor.trim());
  const action = useDebouncedValue(draft.action.trim());
  const targetId = useDebouncedValue(draft.targetId.trim());
  const rangeError = draft.from && draft.to && draft.from >= draft.to ? "Must be after From" : null;
  const filters: AuditLogFilters = { ...draft, actor, action, targetId };
  const search = auditFiltersToSearch(filters);

  // The query string this hook last wrote; any other one came from outside
  // (the sidebar link, back/forward) and resets the inputs to it.
  const written = useRef(search);
  const urlSearch = searchParams.toString() ? `?${searchParams.toString()}` : "";
  useEffect(() => {
    if (urlSearch === written.current) return;
    written.current = urlSearch;
    setDraft(auditFiltersFromSearch(new URLSearchParams(urlSearch)));
  }, [urlSearch]);

  useEffect(() => {
    // replaceState, not router.replace: the page's server part does not depend
    // on the filters, and Next keeps useSearchParams in step with it.
    written.current = search;
    if (window.location.search !== search) window.history.replaceState(null, "", `${pathname}${search}`);
  }, [pathname, search]);

  return {
    draft,
    filters,
    rangeError,
    /** Whether any input holds a filter, typed or not yet applied. */
    filtered: Object.values(draft).some((value) => value.trim() !== ""),
    set: <K extends keyof AuditLogFilters>(name: K, value: AuditLogFilters[K]) => setDraft((current) => ({ ...current, [name]: value })),
    clear: () => setDraft(NO_AUDIT_FILTERS),
  };
}
