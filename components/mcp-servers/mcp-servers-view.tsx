"use client";

import Link from "next/link";
import { useState } from "react";
import type { NameAgeSort } from "@/lib/client/api";
import { nameAgeListCodec, useListUrlState } from "@/lib/client/use-list-url-state";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { ListCount } from "@/components/ui/list-count";
import { SearchField, searchInUrl } from "@/components/ui/search-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { createdColumn, DataTable } from "@/components/ui/table";
import { McpServerStatusBadges } from "@/components/mcp-servers/mcp-server-badges";
import { RegisterMcpServerDialog } from "@/components/mcp-servers/register-mcp-server-dialog";
import { useMcpServers, type McpServer } from "@/lib/client/mcp-servers";

type Org = { slug: string; name: string };

export function McpServersView({ org }: { org: Org }) {
  const list = useListUrlState(nameAgeListCodec);
  const search = searchInUrl(list);
  const [registering, setRegistering] = useState(false);
  const servers = useMcpServers(org.slug, search.query, list.values.sort as NameAgeSort);
  const items = loadedItems(servers.data);

  return (
    <>
      <PageHeader
        title="MCP Servers"
        description={`The upstream MCP servers behind ${org.name}'s gateway. Their tools make up the catalog that toolsets are built from.`}
        actions={<Button onClick={() => setRegistering(true)}>Register server</Button>}
      />
      <SearchField label="Search servers" placeholder="Name or slug" search={search} />
      <QueryList query={servers} loadingLabel="Loading MCP servers…" errorTitle="MCP servers could not be loaded" isEmpty={items.length === 0}
        empty={
          search.query ? (
            <EmptyNotice>
              No MCP servers match “{search.query}”.
            </EmptyNotice>
          ) : (
            <EmptyState title="No MCP servers yet" action={<Button onClick={() => setRegistering(true)}>Register server</Button>}>
              <p>Register an upstream MCP server by its URL. The gateway syncs its tools into the catalog, where you can bundle them into toolsets.</p>
            </EmptyState>
          )
        }
      >
        <>
          <ListCount page={servers.data?.pages[0]} shown={items.length} noun={["MCP server", "MCP servers"]} />
          <McpServersTable org={org} servers={items} sort={list.values.sort} onSort={(sort) => list.set("sort", sort)} />
        </>
      </QueryList>
      <RegisterMcpServerDialog org={org.slug} open={registering} onClose={() => setRegistering(false)} />
    </>
  );
}

function McpServersTable({ org, servers, sort, onSort }: { org: Org; servers: McpServer[]; sort: string; onSort: (sort: string) => void }) {
  return (
    <DataTable
      caption={`MCP servers of ${org.name}`}
      rows={servers}
      rowKey={(server) => server.id}
      rowClassName="hover:bg-slate-50"
      sort={sort}
      onSort={onSort}
      columns={[
        {
          header: "Name",
          sortBy: { ascending: "name", descending: "-name" },
          cell: (server) => (
            <span className="inline-flex items-center gap-2">
              <Link href={`/${org.slug}/mcp-servers/${server.id}`} className="font-medium text-indigo-700 hover:underline">
                {server.name}
              </Link>
              {server.builtin ? <Badge tone="indigo">Built-in</Badge> : null}
            </span>
          ),
        },
        { header: "Slug", className: "font-mono whitespace-nowrap text-slate-700", cell: (server) => server.slug },
        { header: "URL", className: "max-w-xs truncate font-mono text-xs text-slate-700", cell: (server) => <span title={server.url}>{server.url}</span> },
        { header: "Health", className: "whitespace-nowrap", cell: (server) => <McpServerStatusBadges server={server} /> },
        { header: "Tools", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (server) => server.toolCount },
        {
          header: "Last synced",
          className: "whitespace-nowrap text-slate-700",
          cell: (server) => (server.lastSyncedAt ? <RelativeTime iso={server.lastSyncedAt} /> : <span className="text-slate-500">Never</span>),
        },
        createdColumn(),
      ]}
    />
  );
}
