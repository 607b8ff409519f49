"use client";

import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { ListCount } from "@/components/ui/list-count";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { Select } from "@/components/ui/select";
import { createdColumn, DataTable } from "@/components/ui/table";
import { CreateServiceAccountDialog } from "@/components/service-accounts/create-service-account-dialog";
import { SERVICE_ACCOUNT_STATUS_LABELS, ServiceAccountStatusBadge } from "@/components/service-accounts/service-account-status-badge";
import { formatDateTime, formatRelativeTime } from "@/lib/client/format-relative-time";
import { useServiceAccounts, type AccountTokenFilter, type ServiceAccount, type ServiceAccountSort, type ServiceAccountStatus } from "@/lib/client/service-accounts";
import { listUrlCodec, useListUrlState } from "@/lib/client/use-list-url-state";

type Org = { slug: string; name: string };

const TOKEN_FILTER_LABELS: Record<AccountTokenFilter, string> = { expiring: "Expiring soon", expired: "With expired tokens" };

const SERVICE_ACCOUNTS_LIST = listUrlCodec({
  search: { typed: true },
  status: { allowed: ["ACTIVE", "DISABLED"] },
  tokens: { allowed: ["expiring", "expired"] },
  sort: { allowed: ["newest", "oldest", "name", "-name"], default: "newest" },
});

export function ServiceAccountsView({ org }: { org: Org }) {
  // Filters, search and sort live in the URL: shareable, and the back button undoes them.
  const list = useListUrlState(SERVICE_ACCOUNTS_LIST);
  const { status, tokens } = list.values as { status: ServiceAccountStatus | ""; tokens: AccountTokenFilter | "" };
  const sort = list.values.sort as ServiceAccountSort;
  const query = list.values.search;
  const [creating, setCreating] = useState(false);
  const accounts = useServiceAccounts(org.slug, { search: query, status, tokens, sort });
  const firstPage = accounts.data?.pages[0];
  const items = loadedItems(accounts.data);
  const filtered = query !== "" || status !== "" || tokens !== "";

  return (
    <>
      <PageHeader
        title="Service Accounts"
        description={`Bot identities in ${org.name}, for CI jobs and scheduled or self-hosted agents. Each has its own tokens.`}
        actions={<Button onClick={() => setCreating(true)}>New service account</Button>}
      />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <div className="w-full max-w-sm">
          <Field label="Search service accounts" type="search" placeholder="Name" value={list.draft.search} onChange={(e) => list.set("search", e.target.value)} />
        </div>
        <div className="w-40">
          <Select label="Status" value={status} onChange={(e) => list.set("status", e.target.value)}>
            <option value="">All</option>
            {(Object.keys(SERVICE_ACCOUNT_STATUS_LABELS) as ServiceAccountStatus[]).map((value) => (
              <option key={value} value={value}>
                {SERVICE_ACCOUNT_STATUS_LABELS[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-52">
          <Select label="Tokens" value={tokens} onChange={(e) => list.set("tokens", e.target.value)}>
            <option value="">Any</option>
            {(Object.keys(TOKEN_FILTER_LABELS) as AccountTokenFilter[]).map((value) => (
              <option key={value} value={value}>
                {TOKEN_FILTER_LABELS[value]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <QueryList query={accounts} loadingLabel="Loading service accounts…" errorTitle="Service accounts could not be loaded" isEmpty={items.length === 0}
        empty={
          filtered ? (
            <EmptyNotice>
              {query
                ? `No ${status ? `${SERVICE_ACCOUNT_STATUS_LABELS[status].toLowerCase()} ` : ""}service accounts match “${query}”.`
                : tokens === "expiring"
                  ? "No service account has a token expiring soon."
                  : tokens === "expired"
                    ? "No service account has an expired token."
                    : `No ${SERVICE_ACCOUNT_STATUS_LABELS[status as ServiceAccountStatus].toLowerCase()} service accounts.`}
            </EmptyNotice>
          ) : (
            <EmptyState title="No service accounts yet">
              <p>
                A service account is a bot identity: a CI job, a scheduled or self-hosted agent. It calls the MCP endpoint with its own
                tokens, so you can see what it did and disable it without touching anyone&apos;s personal access.
              </p>
              <p className="mt-2">Create one, then mint its first token.</p>
              <div className="mt-4">
                <Button onClick={() => setCreating(true)}>Create your first service account</Button>
              </div>
            </EmptyState>
          )
        }
      >
        <>
          <ListCount page={firstPage} shown={items.length} noun={["service account", "service accounts"]} />
          <ServiceAccountsTable org={org} accounts={items} sort={sort} onSort={(next) => list.set("sort", next)} />
        </>
      </QueryList>
      <CreateServiceAccountDialog org={org.slug} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ServiceAccountsTable({ org, accounts, sort, onSort }: { org: Org; accounts: ServiceAccount[]; sort: ServiceAccountSort; onSort: (sort: ServiceAccountSort) => void }) {
  return (
    <DataTable
      caption={`Service accounts of ${org.name}`}
      rows={accounts}
      rowKey={(account) => account.id}
      rowClassName="hover:bg-slate-50"
      sort={sort}
      onSort={(next) => onSort(next as ServiceAccountSort)}
      columns={[
        {
          header: "Name",
          sortBy: { ascending: "name", descending: "-name" },
          cell: (account) => (
            <>
              <Link href={`/${org.slug}/service-accounts/${account.id}`} className="font-medium text-indigo-700 hover:underline">
                {account.name}
              </Link>
              {account.description ? <p className="max-w-md truncate text-xs text-slate-500">{account.description}</p> : null}
            </>
          ),
        },
        { header: "Status", cell: (account) => <ServiceAccountStatusBadge status={account.status} /> },
        {
          header: "Active tokens",
          headerClassName: "text-right",
          className: "text-right text-slate-700 tabular-nums",
          cell: (account) => (
            <>
              {account.activeTokenCount}
              {account.suspendedTokenCount ? <span className="block text-xs text-slate-500">{account.suspendedTokenCount} suspended</span> : null}
            </>
          ),
        },
        {
          header: "Last used",
          className: "whitespace-nowrap text-slate-700",
          cell: (account) =>
            account.lastUsedAt ? (
              <time dateTime={account.lastUsedAt} title={formatDateTime(account.lastUsedAt)}>
                {formatRelativeTime(account.lastUsedAt)}
              </time>
            ) : (
              <span className="text-slate-500">Never</span>
            ),
        },
        createdColumn(),
      ]}
    />
  );
}
