import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/pagination";
import { auditEventWhere, type AuditEventFilters } from "@/lib/audit/audit-event-filters";
import { toAuditEventView, type AuditEventView } from "@/lib/audit/audit-event-view";
import { resolveAuditTargets, type ResolvedTarget } from "@/lib/audit/resolve-audit-targets";

// Events are numbered per organization (seq), so the chain order is the
// page order and the cursor is just the last seq seen.
function encodeSeqCursor(seq: bigint): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

const MAX_SEQ = 2n ** 63n - 1n;

function decodeSeqCursor(cursor: string): bigint {
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const seq = match ? BigInt(match[1]!) : null;
  if (seq === null || seq > MAX_SEQ) {
    throw new AppError("bad_request", "The cursor is not valid; pass back the nextCursor of a previous page", {
      fields: [{ field: "cursor", message: "Invalid cursor" }],
    });
  }
  return seq;
}

/** One organization's audit events matching the filters, newest first. */
export async function listAuditEvents({
  orgId,
  filters,
  limit,
  cursor,
}: {
  orgId: string;
  filters: AuditEventFilters;
  limit: number;
  cursor?: string;
}): Promise<Page<AuditEventView>> {
  const where = auditEventWhere(orgId, filters);
  const rows = await forOrg(orgId).auditEvent.findMany({
    where: cursor ? { AND: [where, { seq: { lt: decodeSeqCursor(cursor) } }] } : where,
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const views = items.map(toAuditEventView);
  const current = await resolveAuditTargets(orgId, views);
  for (const view of views) {
    if (!view.target?.id) continue;
    const found = current.get(`${view.target.kind}:${view.target.id}`);
    view.target.label ??= found?.name ?? null;
    view.target.link = found ? targetLink(view.target.kind, view.target.id, found) : null;
  }
  return { items: views, nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null };
}

/** The Control Room path of an existing target, relative to the organization's root. */
function targetLink(kind: string, id: string, found: ResolvedTarget): string | null {
  switch (kind) {
    case "service_account":
      return `/service-accounts/${id}`;
    case "service_token":
      return found.serviceAccountId ? `/service-accounts/${found.serviceAccountId}` : found.orgWide ? "/settings/service-tokens" : null;
    case "toolset":
      return `/toolsets/${id}`;
    case "mcp_server":
      return `/mcp-servers/${id}`;
    case "group":
      return `/settings/groups/${id}`;
    case "user":
      return "/settings/members";
    default:
      return null;
  }
}
