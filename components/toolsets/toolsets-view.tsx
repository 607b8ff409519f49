"use client";

import Link from "next/link";
import { useState } from "react";
import type { NameAgeSort } from "@/lib/client/api";
import { nameAgeListCodec, useListUrlState } from "@/lib/client/use-list-url-state";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { ListCount } from "@/components/ui/list-count";
import { SearchField, searchInUrl } from "@/components/ui/search-field";
import { createdColumn, DataTable } from "@/components/ui/table";
import { CreateToolsetDialog } from "@/components/toolsets/create-toolset-dialog";
import { useToolsets, type Toolset } from "@/lib/client/toolsets";

type Org = { slug: string; name: string };

export function ToolsetsView({ org }: { org: Org }) {
  const list = useListUrlState(nameAgeListCodec);
  const search = searchInUrl(list);
  const [creating, setCreating] = useState(false);
  const toolsets = useToolsets(org.slug, search.query, list.values.sort as NameAgeSort);
  const items = loadedItems(toolsets.data);

  return (
    <>
      <PageHeader
        title="Toolsets"
        description={`Curated bundles of tools from ${org.name}'s MCP servers. A bot sees and calls the tools of the toolsets assigned to it.`}
        actions={<Button onClick={() => setCreating(true)}>New toolset</Button>}
      />
      <SearchField label="Search toolsets" placeholder="Toolset name" search={search} />
      <QueryList query={toolsets} loadingLabel="Loading toolsets…" errorTitle="Toolsets could not be loaded" isEmpty={items.length === 0}
        empty={
          search.query ? (
            <EmptyNotice>
              No toolsets match “{search.query}”.
            </EmptyNotice>
          ) : (
            <EmptyState title="No toolsets yet" action={<Button onClick={() => setCreating(true)}>New toolset</Button>}>
              <p>Create a toolset, add tools from your MCP servers to it, then assign it to people, groups or service accounts.</p>
            </EmptyState>
          )
        }
      >
        <>
          <ListCount page={toolsets.data?.pages[0]} shown={items.length} noun={["toolset", "toolsets"]} />
          <ToolsetsTable org={org} toolsets={items} sort={list.values.sort} onSort={(sort) => list.set("sort", sort)} />
        </>
      </QueryList>
      <CreateToolsetDialog org={org.slug} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ToolsetsTable({ org, toolsets, sort, onSort }: { org: Org; toolsets: Toolset[]; sort: string; onSort: (sort: string) => void }) {
  return (
    <DataTable
      caption={`Toolsets of ${org.name}`}
      rows={toolsets}
      rowKey={(toolset) => toolset.id}
      rowClassName="hover:bg-slate-50"
      sort={sort}
      onSort={onSort}
      columns={[
        {
          header: "Name",
          sortBy: { ascending: "name", descending: "-name" },
          cell: (toolset) => (
            <Link href={`/${org.slug}/toolsets/${toolset.id}`} className="font-medium text-indigo-700 hover:underline">
              {toolset.name}
            </Link>
          ),
        },
        { header: "Description", className: "max-w-md truncate text-slate-700", cell: (toolset) => toolset.description || <span className="text-slate-500">No description</span> },
        { header: "Tools", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (toolset) => toolset.toolCount },
        { header: "Assigned to", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (toolset) => toolset.assignmentCount },
        createdColumn(),
      ]}
    />
  );
}
