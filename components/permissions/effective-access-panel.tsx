"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useEffectiveAccess, type AccessReason } from "@/lib/client/permissions";
import { EmptyNotice } from "@/components/ui/empty-state";

type Account = { id: string; name: string };

/**
 * What the account's tokens can use over MCP right now, each with why:
 * computed by the server with the same function the gateway uses.
 */
export function EffectiveAccessPanel({ org, account }: { org: string; account: Account }) {
  const headingId = useId();
  const access = useEffectiveAccess(org, { serviceAccountId: account.id });

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          Effective access
        </h2>
        <p className="mt-1 text-sm text-slate-600">What {account.name}&apos;s tokens can use over MCP right now, and why.</p>
      </div>
      {access.isPending ? (
        <LoadingState label="Loading effective access…" />
      ) : access.isError ? (
        <ErrorState title="Effective access could not be loaded" detail={errorMessage(access.error)} onRetry={() => access.refetch()} />
      ) : access.data.tools.length + access.data.prompts.length + access.data.resources.length === 0 ? (
        <EmptyNotice>
          This account can use nothing over MCP yet. Assign a toolset or grant Write on a server.
        </EmptyNotice>
      ) : (
        <div className="space-y-6">
          <AccessTable
            title="Tools"
            caption={`Tools ${account.name} can call`}
            empty="No tools: grant Write on a server or assign a toolset to let it call some."
            columns={["Tool", "Description", "Server", "Why"]}
            rows={access.data.tools.map((tool) => ({
              key: tool.exposedName,
              name: tool.exposedName,
              extra: <span className="line-clamp-2 max-w-md text-slate-600">{tool.description}</span>,
              server: tool.server,
              reasons: tool.reasons,
            }))}
          />
          <AccessTable
            title="Prompts"
            caption={`Prompts ${account.name} can list and get`}
            empty="No prompts."
            columns={["Prompt", "Server", "Why"]}
            rows={access.data.prompts.map((prompt) => ({ key: prompt.name, name: prompt.name, server: prompt.server, reasons: prompt.reasons }))}
          />
          <AccessTable
            title="Resources"
            caption={`Resources ${account.name} can list and read`}
            empty="No resources."
            columns={["Resource", "URI", "Server", "Why"]}
            rows={access.data.resources.map((resource) => ({
              key: `${resource.server}\n${resource.uri}`,
              name: resource.name,
              extra: <span className="font-mono text-xs break-all text-slate-600">{resource.uri}</span>,
              server: resource.server,
              reasons: resource.reasons,
            }))}
          />
        </div>
      )}
    </section>
  );
}

type AccessRow = { key: string; name: string; extra?: React.ReactNode; server: string; reasons: AccessReason[] };

/** One small table; the name is each row's header, so a reader hears which tool a reason belongs to. */
function AccessTable({ title, caption, empty, columns, rows }: { title: string; caption: string; empty: string; columns: string[]; rows: AccessRow[] }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">
        {title} <span className="font-normal text-slate-500 tabular-nums">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <Table caption={caption}>
          <thead className="bg-slate-50">
            <tr>
              {columns.map((column) => (
                <Th key={column}>{column}</Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="px-4 py-3 text-left align-middle font-mono text-sm font-normal whitespace-nowrap text-slate-900">
                  {row.name}
                </th>
                {row.extra ? <Td>{row.extra}</Td> : null}
                <Td className="whitespace-nowrap text-slate-700">{row.server}</Td>
                <Td>
                  <ReasonBadges reasons={row.reasons} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

const REASON_TONES = { toolset: "indigo", server_grant: "green", full_access: "amber" } as const;

function reasonLabel(reason: AccessReason): string {
  switch (reason.kind) {
    case "toolset":
      return `Toolset: ${reason.toolset}`;
    case "server_grant":
      return `Server grant: ${reason.level === "WRITE" ? "Write" : "Read"}`;
    case "full_access":
      return "Full Access";
  }
}

function ReasonBadges({ reasons }: { reasons: AccessReason[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {reasons.map((reason) => {
        const label = reasonLabel(reason);
        return (
          <li key={label}>
            <Badge tone={REASON_TONES[reason.kind]}>{label}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
