"use client";

import { useState } from "react";
import { AuditChainStatus } from "@/components/audit/audit-chain-status";
import { AuditEventDialog } from "@/components/audit/audit-event-dialog";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditLogFilterBar } from "@/components/audit/audit-log-filter-bar";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { ErrorState, loadedItems, LoadingState, LoadMore } from "@/components/ui/query-states";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import { auditExportUrl, useAuditEvents, useVerifyAuditChain, type AuditEvent } from "@/lib/client/audit";
import { AUDIT_LOG_LIST } from "@/lib/client/audit-log-url";
import { useListUrlState } from "@/lib/client/use-list-url-state";

type Org = { slug: string; name: string };

export function AuditLogView({ org }: { org: Org }) {
  // The filters live in the URL, so a filtered view can be reloaded or shared.
  const { draft, values: filters, filtered, set, clear } = useListUrlState(AUDIT_LOG_LIST);
  const rangeError = draft.from && draft.to && draft.from >= draft.to ? "Must be after From" : null;
  const events = useAuditEvents(org.slug, filters, { enabled: !rangeError });
  const verify = useVerifyAuditChain(org.slug);
  const [opened, setOpened] = useState<AuditEvent | null>(null);
  const items = loadedItems(events.data);

  return (
    <>
      <PageHeader
        title="Audit Log"
        description={`Who did what in ${org.name}, and when. Every event is hash-chained to the one before, so a change made behind the log's back shows up when you verify it.`}
        actions={
          <>
            <a href={auditExportUrl(org.slug, filters, "csv")} download className={buttonClassName({ variant: "secondary" })}>
              Export CSV
            </a>
            <a href={auditExportUrl(org.slug, filters, "jsonl")} download className={buttonClassName({ variant: "secondary" })}>
              Export JSON Lines
            </a>
            <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
              {verify.isPending ? <Spinner /> : null}
              {verify.isPending ? "Verifying…" : "Verify integrity"}
            </Button>
          </>
        }
      />
      {verify.isPending ? null : <AuditChainStatus result={verify.data} error={verify.error} events={items} onOpenEvent={setOpened} />}
      <AuditLogFilterBar org={org.slug} draft={draft} rangeError={rangeError} filtered={filtered} set={set} clear={clear} />
      {rangeError ? (
        <EmptyNotice>
          Set To after From to see events.
        </EmptyNotice>
      ) : events.isPending ? (
        <LoadingState label="Loading audit events…" />
      ) : events.isError && !events.data ? (
        <ErrorState title="The audit log could not be loaded" detail={errorMessage(events.error)} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyNotice>
            No events match these filters.
          </EmptyNotice>
        ) : (
          <EmptyState title="No events yet">
            <p>Changes to service accounts, tokens, toolsets, servers, members and settings are recorded here as they happen.</p>
          </EmptyState>
        )
      ) : (
        <>
          <AuditEventsTable org={org.slug} caption={`Audit events of ${org.name}, newest first`} events={items} onOpen={setOpened} />
          <LoadMore hasMore={events.hasNextPage} loading={events.isFetchingNextPage} onLoadMore={() => events.fetchNextPage()} />
        </>
      )}
      <AuditEventDialog org={org.slug} event={opened} onClose={() => setOpened(null)} />
    </>
  );
}
