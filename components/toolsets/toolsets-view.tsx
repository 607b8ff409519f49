"use client";

import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { SearchField, useSearch } from "@/components/ui/search-field";
import { DataTable } from "@/components/ui/table";
import { CreateToolsetDialog } from "@/components/toolsets/create-toolset-dialog";
import { useToolsets, type Toolset } from "@/lib/client/toolsets";

type Org = { slug: string; name: string };

export function ToolsetsView({ org }: { org: Org }) {
  const search = useSearch();
  const [creating, setCreating] = useState(false);
  const toolsets = useToolsets(org.slug, search.query);
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
        <ToolsetsTable org={org} toolsets={items} />
      </QueryList>
      <CreateToolsetDialog org={org.slug} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ToolsetsTable({ org, toolsets }: { org: Org; toolsets: Toolset[] }) {
  return (
    <DataTable
      caption={`Toolsets of ${org.name}`}
      rows={toolsets}
      rowKey={(toolset) => toolset.id}
      rowClassName="hover:bg-slate-50"
      columns={[
        {
          header: "Name",
          cell: (toolset) => (
            <Link href={`/${org.slug}/toolsets/${toolset.id}`} className="font-medium text-indigo-700 hover:underline">
              {toolset.name}
            </Link>
          ),
        },
        { header: "Description", className: "max-w-md truncate text-slate-700", cell: (toolset) => toolset.description || <span className="text-slate-500">No description</span> },
        { header: "Tools", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (toolset) => toolset.toolCount },
        { header: "Assigned to", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (toolset) => toolset.assignmentCount },
      ]}
    />
  );
}
