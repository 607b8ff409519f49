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
import { CreateGroupDialog } from "@/components/groups/create-group-dialog";
import { useGroups, type Group } from "@/lib/client/groups";

export function GroupsView({ org }: { org: { slug: string; name: string } }) {
  const list = useListUrlState(nameAgeListCodec);
  const search = searchInUrl(list);
  const [creating, setCreating] = useState(false);
  const groups = useGroups(org.slug, search.query, list.values.sort as NameAgeSort);
  const items = loadedItems(groups.data);

  return (
    <>
      <PageHeader
        title="Groups"
        description={`Sets of people in ${org.name}, to give access to many at once.`}
        actions={<Button onClick={() => setCreating(true)}>New group</Button>}
      />
      <SearchField label="Search groups" placeholder="Group name" search={search} />
      <QueryList query={groups} loadingLabel="Loading groups…" errorTitle="Groups could not be loaded" isEmpty={items.length === 0}
        empty={
          search.query ? (
            <EmptyNotice>
              No groups match “{search.query}”.
            </EmptyNotice>
          ) : (
            <EmptyState title="No groups yet">
              <p>Create a group with New group, then add people to it.</p>
            </EmptyState>
          )
        }
      >
        <>
          <ListCount page={groups.data?.pages[0]} shown={items.length} noun={["group", "groups"]} />
          <GroupsTable org={org} groups={items} sort={list.values.sort} onSort={(sort) => list.set("sort", sort)} />
        </>
      </QueryList>
      <CreateGroupDialog org={org.slug} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function GroupsTable({ org, groups, sort, onSort }: { org: { slug: string; name: string }; groups: Group[]; sort: string; onSort: (sort: string) => void }) {
  return (
    <DataTable
      caption={`Groups of ${org.name}`}
      rows={groups}
      rowKey={(group) => group.id}
      rowClassName="hover:bg-slate-50"
      sort={sort}
      onSort={onSort}
      columns={[
        {
          header: "Name",
          sortBy: { ascending: "name", descending: "-name" },
          cell: (group) => (
            <Link href={`/${org.slug}/settings/groups/${group.id}`} className="font-medium text-indigo-700 hover:underline">
              {group.name}
            </Link>
          ),
        },
        { header: "Description", className: "max-w-md truncate text-slate-700", cell: (group) => group.description || <span className="text-slate-500">No description</span> },
        { header: "Members", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (group) => group.memberCount },
        createdColumn(),
      ]}
    />
  );
}
