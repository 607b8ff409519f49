"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td, Th } from "@/components/ui/table";
import { AUDIT_ACTOR_KIND_LABELS, AUDIT_TARGET_KIND_LABELS, type AuditEvent } from "@/lib/client/audit";

const NONE = <span className="text-slate-500">—</span>;

/** Who the actor was, as the log recorded it at the time: their label, else their id. */
export function actorName(event: AuditEvent): string {
  return event.actor.label ?? event.actor.id ?? AUDIT_ACTOR_KIND_LABELS[event.actor.kind];
}

/** Audit events, newest first. A row opens the event's details; its action is the button keyboards reach. */
export function AuditEventsTable({ org, caption, events, onOpen }: { org: string; caption: string; events: AuditEvent[]; onOpen: (event: AuditEvent) => void }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th className="text-right">#</Th>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>IP</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((event) => (
          <tr key={event.id} onClick={() => onOpen(event)} className="cursor-pointer hover:bg-slate-50">
            <Td className="text-right text-slate-500 tabular-nums">{event.seq}</Td>
            <Td className="whitespace-nowrap text-slate-700">
              <RelativeTime iso={event.createdAt} />
            </Td>
            <Td className="max-w-xs">
              <p className="truncate text-slate-900" title={actorName(event)}>
                {actorName(event)}
              </p>
              <p className="text-xs text-slate-500">{AUDIT_ACTOR_KIND_LABELS[event.actor.kind]}</p>
            </Td>
            <Td>
              <button
                type="button"
                onClick={(e) => {
                  // The row would open it too.
                  e.stopPropagation();
                  onOpen(event);
                }}
                className="text-left font-mono text-sm break-all text-indigo-700 hover:underline"
              >
                {event.action}
              </button>
            </Td>
            <Td className="max-w-xs">
              {event.target ? (
                <>
                  <p className="text-xs text-slate-500">{AUDIT_TARGET_KIND_LABELS[event.target.kind] ?? event.target.kind}</p>
                  {event.target.label ? (
                    event.target.link ? (
                      <Link
                        href={`/${org}${event.target.link}`}
                        onClick={(e) => e.stopPropagation()}
                        className="block truncate text-indigo-700 hover:underline"
                        title={event.target.label}
                      >
                        {event.target.label}
                      </Link>
                    ) : (
                      <p className="truncate text-slate-900" title={`${event.target.label} (no longer exists)`}>
                        {event.target.label}
                      </p>
                    )
                  ) : event.target.id ? (
                    <p className="truncate font-mono text-xs text-slate-500" title={event.target.id}>
                      {event.target.id}
                    </p>
                  ) : null}
                </>
              ) : (
                NONE
              )}
            </Td>
            <Td className="font-mono whitespace-nowrap text-slate-700">{event.ip ?? NONE}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
