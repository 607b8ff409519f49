import { z } from "zod";
import { AppError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { isCrossSiteRequest } from "@/lib/http/same-origin";
import { streamedDownload } from "@/lib/http/streamed-download";
import { auditEventFiltersSchema } from "@/lib/audit/audit-event-filters";
import { exportAuditEvents, recordAuditExport } from "@/lib/audit/export-audit-events";

const query = auditEventFiltersSchema.and(z.object({ format: z.enum(["csv", "jsonl"], { message: "format must be csv or jsonl" }) }));

export const GET = orgRoute({ permission: "audit.read", query }, async ({ req, org, audit, query: { format, ...filters } }) => {
  if (isCrossSiteRequest(req)) throw new AppError("forbidden", "Cross-site request refused: start the export from the Control Room");
  await recordAuditExport({ orgId: org.id, filters, format, audit });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return streamedDownload(exportAuditEvents({ orgId: org.id, filters, format }), {
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    filename: `audit-log-${org.slug}-${stamp}.${format}`,
  });
});
