import { orgRoute } from "@/lib/http/org-route";
import { pageQuerySchema } from "@/lib/pagination";
import { auditEventFiltersSchema } from "@/lib/audit/audit-event-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

const query = auditEventFiltersSchema.and(pageQuerySchema);

export const GET = orgRoute({ permission: "audit.read", query }, ({ org, query: { limit, cursor, ...filters } }) =>
  listAuditEvents({ orgId: org.id, filters, limit, cursor }),
);
