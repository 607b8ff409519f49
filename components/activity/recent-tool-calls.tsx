"use client";

import Link from "next/link";
import { useState } from "react";
import { ToolCallsTable } from "@/components/activity/tool-calls-table";
import { Field } from "@/components/ui/field";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { Select } from "@/components/ui/select";
import { TOOL_CALL_OUTCOME_LABELS, useToolCalls, type ActivityScope, type ToolCallOutcome } from "@/lib/client/activity";
import { ServiceAccountSelect } from "@/components/service-accounts/service-account-select";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { EmptyNotice } from "@/components/ui/empty-state";


/**
 * Recent tool calls through the gateway, newest first, refreshed every 10
 * seconds, filtered by tool and outcome; org-wide also by service account, with
 * a column naming the caller.
 */
export function RecentToolCalls({ org, scope, caption, emptyMessage }: { org: string; scope: ActivityScope; caption: string; emptyMessage: string }) {
  const orgWide = "organization" in scope;
  const [tool, setTool] = useState("");
  const [outcome, setOutcome] = useState<ToolCallOutcome | "">("");
  const [serviceAccountId, setServiceAccountId] = useState("");
  const toolQuery = useDebouncedValue(tool.trim());
  const calls = useToolCalls(org, scope, { tool: toolQuery, outcome, ...(orgWide && serviceAccountId ? { serviceAccountId } : {}) });
  const items = loadedItems(calls.data);
  const filtered = toolQuery !== "" || outcome !== "" || (orgWide && serviceAccountId !== "");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
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
        {orgWide ? (
          <div className="w-56">
            <ServiceAccountSelect org={org} value={serviceAccountId} onChange={setServiceAccountId} noneLabel="All callers" />
          </div>
        ) : null}
      </div>
      <QueryList query={calls} loadingLabel="Loading activity…" errorTitle="Activity could not be loaded" isEmpty={items.length === 0}
        empty={
          <EmptyNotice>
            {filtered ? "No tool calls match these filters." : emptyMessage}
          </EmptyNotice>
        }
      >
        <ToolCallsTable caption={caption} calls={items} callerColumn={orgWide ? (account) => <CallerCell org={org} account={account} /> : undefined} />
      </QueryList>
    </div>
  );
}

function CallerCell({ org, account }: { org: string; account: { id: string; name: string | null } | null }) {
  if (!account) return <span className="text-slate-500">Org-wide token</span>;
  if (account.name === null) return <span className="text-slate-500">Deleted account</span>;
  return (
    <Link href={`/${org}/service-accounts/${account.id}`} className="font-medium text-indigo-700 hover:underline">
      {account.name}
    </Link>
  );
}
