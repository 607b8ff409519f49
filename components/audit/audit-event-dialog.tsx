"use client";

import Link from "next/link";
import { AuditValueDiff } from "@/components/audit/audit-value-diff";
import { actorName } from "@/components/audit/audit-events-table";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { AUDIT_ACTOR_KIND_LABELS, AUDIT_TARGET_KIND_LABELS, type AuditEvent } from "@/lib/client/audit";
import { formatDateTime } from "@/lib/client/format-relative-time";

/** Everything recorded about one event, and what it changed. */
export function AuditEventDialog({ org, event, onClose }: { org: string; event: AuditEvent | null; onClose: () => void }) {
  return (
    <Dialog open={event !== null} onClose={onClose} size="wide" title={event ? `Event #${event.seq}` : "Event"} description={event?.action}>
      {event ? <AuditEventDetails org={org} event={event} /> : null}
      <DialogActions>
        {/* Focus here, not on the first link in the details, which would scroll them past the top. */}
        <Button variant="secondary" onClick={onClose} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function AuditEventDetails({ org, event }: { org: string; event: AuditEvent }) {
  const mono = (text: string | null) => (text ? <span className="font-mono text-xs break-all">{text}</span> : <span className="text-slate-500">—</span>);
  const rows: [string, React.ReactNode][] = [
    [
      "Time",
      <time key="time" dateTime={event.createdAt}>
        {formatDateTime(event.createdAt)} <span className="font-mono text-xs text-slate-500">({event.createdAt})</span>
      </time>,
    ],
    ["Actor", `${actorName(event)} (${AUDIT_ACTOR_KIND_LABELS[event.actor.kind]})`],
    ["Actor id", mono(event.actor.id)],
    ["Action", mono(event.action)],
    [
      "Target",
      event.target ? (
        <span key="target">
          {AUDIT_TARGET_KIND_LABELS[event.target.kind] ?? event.target.kind}
          {event.target.label ? (
            <>
              {" "}
              {event.target.link ? (
                <Link href={`/${org}${event.target.link}`} className="text-indigo-700 hover:underline">
                  {event.target.label}
                </Link>
              ) : (
                <span>{event.target.label} (no longer exists)</span>
              )}
            </>
          ) : null}
        </span>
      ) : (
        mono(null)
      ),
    ],
    ["Target id", mono(event.target?.id ?? null)],
    [
      "Service account",
      event.serviceAccountId ? (
        <Link href={`/${org}/service-accounts/${event.serviceAccountId}`} className="font-mono text-xs break-all text-indigo-700 hover:underline">
          {event.serviceAccountId}
        </Link>
      ) : (
        mono(null)
      ),
    ],
    ["IP address", mono(event.ip)],
    ["User agent", event.userAgent ? <span className="break-all">{event.userAgent}</span> : mono(null)],
    ["Request id", mono(event.requestId)],
    ["Event id", mono(event.id)],
    ["Previous hash", mono(event.prevHash || null)],
    ["Hash", mono(event.hash)],
  ];
  return (
    <div className="max-h-[70vh] space-y-6 overflow-y-auto pr-1">
      {/* What changed first: it is what one opens an event for; the who/where/hash details follow. */}
      <AuditValueDiff before={event.before} after={event.after} />
      <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-3 gap-2 px-3 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="col-span-2 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
