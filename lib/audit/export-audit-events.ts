import "server-only";
import { stringify } from "csv-stringify/sync";
import { forOrg } from "@/lib/db/for-org";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditEventFilters } from "@/lib/audit/audit-event-filters";
import type { AuditEventView } from "@/lib/audit/audit-event-view";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { AuditExportFormat } from "@/lib/audit/contract";
export type { AuditExportFormat } from "@/lib/audit/contract";

/** Rows fetched per query: the export holds one batch in memory at a time, whatever the total. */
const BATCH_SIZE = 1000;

export const CSV_COLUMNS = [
  "seq",
  "createdAt",
  "actorKind",
  "actorId",
  "actorLabel",
  "action",
  "targetKind",
  "targetId",
  "serviceAccountId",
  "ip",
  "userAgent",
  "requestId",
  "before",
  "after",
  "id",
  "prevHash",
  "hash",
  // Added later, so at the end: a consumer reading columns by position keeps working.
  "actorTokenId",
  "actorTokenPrefix",
] as const;

/**
 * The filtered audit log, newest first like the page, as CSV or JSON Lines
 * chunks. Pages through the events by seq, one batch per pull, so a consumer
 * that stops pulling (a slow download) stops the queries too.
 */
export async function* exportAuditEvents({
  orgId,
  filters,
  format,
  batchSize = BATCH_SIZE,
}: {
  orgId: string;
  filters: AuditEventFilters;
  format: AuditExportFormat;
  batchSize?: number;
}): AsyncGenerator<string> {
  if (format === "csv") yield stringify([[...CSV_COLUMNS]]);
  // The list's own keyset pages, just larger: the export is exactly the filtered list.
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ orgId, filters, limit: batchSize, cursor });
    if (page.items.length) yield format === "csv" ? toCsv(page.items) : page.items.map((v) => `${JSON.stringify(v)}\n`).join("");
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function toCsv(views: AuditEventView[]): string {
  // escape_formulas: a cell starting with =, +, -, @ gets a leading quote, so
  // an actor named "=HYPERLINK(…)" cannot run as a formula in a spreadsheet.
  return stringify(
    views.map((v) => [
      v.seq,
      v.createdAt,
      v.actor.kind,
      v.actor.id,
      v.actor.label,
      v.action,
      v.target?.kind ?? null,
      v.target?.id ?? null,
      v.serviceAccountId,
      v.ip,
      v.userAgent,
      v.requestId,
      v.before === null ? null : JSON.stringify(v.before),
      v.after === null ? null : JSON.stringify(v.after),
      v.id,
      v.prevHash,
      v.hash,
      v.actor.token?.id ?? null,
      v.actor.token?.prefix ?? null,
    ]),
    { escape_formulas: true },
  );
}

/** An export is itself worth recording: who took a copy of the log, and of which part. */
export async function recordAuditExport({
  orgId,
  filters,
  format,
  audit,
}: OrgChange<{ filters: AuditEventFilters; format: AuditExportFormat }>): Promise<void> {
  await forOrg(orgId).$transaction((tx) => recordAuditEvent(tx, audit, { orgId, action: "audit_log.export", after: { format, filters } }));
}
