"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState, LoadMore } from "@/components/ui/query-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { TOOL_CALL_OUTCOME_LABELS, useServiceAccountActivity, type ToolCall, type ToolCallOutcome } from "@/lib/client/activity";
import { errorMessage } from "@/lib/client/api";
import type { ServiceAccount } from "@/lib/client/service-accounts";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

const OUTCOME_TONES = { OK: "green", ERROR: "red", DENIED: "amber", TIMEOUT: "amber" } as const;

/** The account's recent tool calls through the gateway, newest first, refreshed every 10 seconds. */
export function ServiceAccountActivityPanel({ org, account }: { org: string; account: ServiceAccount }) {
  const headingId = useId();
  const [tool, setTool] = useState("");
  const [outcome, setOutcome] = useState<ToolCallOutcome | "">("");
  const toolQuery = useDebouncedValue(tool.trim());
  const activity = useServiceAccountActivity(org, account.id, { tool: toolQuery, outcome });
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = toolQuery !== "" || outcome !== "";

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id={headingId} className="text-lg font-semibold">
          Activity
        </h2>
        <div className="ml-auto flex flex-wrap items-end gap-3">
          <div className="w-64">
            <Field label="Filter by tool" type="search" placeholder="Tool name" value={tool} onChange={(e) => setTool(e.target.value)} autoComplete="off" />
          </div>
          <div className="w-40">
            <Select label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ToolCallOutcome | "")}>
              <option value="">All</option>
              {(Object.keys(TOOL_CALL_OUTCOME_LABELS) as ToolCallOutcome[]).map((value) => (
                <option key={value} value={value}>
                  {TOOL_CALL_OUTCOME_LABELS[value]}
                </option>
              ))}
            </Select>
          </div>
        </div>
      </div>
      {activity.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : activity.isError && !activity.data ? (
        <ErrorState title="Activity could not be loaded" detail={errorMessage(activity.error)} onRetry={() => activity.refetch()} />
      ) : items.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          {filtered ? "No tool calls match these filters." : "No tool calls yet. Calls this account makes through the gateway appear here."}
        </p>
      ) : (
        <>
          <ActivityTable caption={`Recent tool calls of ${account.name}`} calls={items} />
          <LoadMore hasMore={activity.hasNextPage} loading={activity.isFetchingNextPage} onLoadMore={() => activity.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

function ActivityTable({ caption, calls }: { caption: string; calls: ToolCall[] }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Time</Th>
          <Th>Tool</Th>
          <Th>Outcome</Th>
          <Th className="text-right">Duration</Th>
          <Th>Token</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {calls.map((call) => (
          <tr key={call.id}>
            <Td className="whitespace-nowrap text-slate-700">
              <RelativeTime iso={call.createdAt} />
            </Td>
            <Td className="font-mono text-sm break-all text-slate-900">{call.exposedName}</Td>
            <Td className="whitespace-nowrap">
              <Badge tone={OUTCOME_TONES[call.outcome]}>{TOOL_CALL_OUTCOME_LABELS[call.outcome]}</Badge>
            </Td>
            <Td className="text-right whitespace-nowrap text-slate-700 tabular-nums">{call.durationMs} ms</Td>
            <Td className="font-mono whitespace-nowrap text-slate-700">{call.tokenPrefix ? `${call.tokenPrefix}…` : <span className="text-slate-400">—</span>}</Td>
            <Td className="max-w-md text-slate-700">
              {call.errorMessage ? (
                <span className="line-clamp-2 break-words" title={call.errorMessage}>
                  {call.errorMessage}
                </span>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
