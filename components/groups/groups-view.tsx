"use client";

import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyNotice, EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState, LoadMore } from "@/components/ui/query-states";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateGroupDialog } from "@/components/groups/create-group-dialog";
import { errorMessage } from "@/lib/client/api";
import { useGroups, type Group } from "@/lib/client/groups";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

export function GroupsView({ org }: { org: { slug: string; name: string } }) {
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const query = useDebouncedValue(search.trim());
  const groups = useGroups(org.slug, query);
  const items = groups.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Groups"
        description={`Sets of people in ${org.name}, to give access to many at once.`}
        actions={<Button onClick={() => setCreating(true)}>New group</Button>}
      />
      <div className="mb-4 max-w-sm">
        <Field label="Search groups" type="search" placeholder="Group name" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {groups.isPending ? (
        <LoadingState label="Loading groups…" />
      ) : groups.isError && !groups.data ? (
        <ErrorState title="Groups could not be loaded" detail={errorMessage(groups.error)} onRetry={() => groups.refetch()} />
      ) : items.length === 0 ? (
        query ? (
          <EmptyNotice>
            No groups match “{query}”.
          </EmptyNotice>
        ) : (
          <EmptyState title="No groups yet">
            <p>Create a group with New group, then add people to it.</p>
          </EmptyState>
        )
      ) : (
        <>
          <GroupsTable org={org} groups={items} />
          <LoadMore hasMore={groups.hasNextPage} loading={groups.isFetchingNextPage} onLoadMore={() => groups.fetchNextPage()} />
        </>
      )}
      <CreateGroupDialog org={org.slug} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function GroupsTable({ org, groups }: { org: { slug: string; name: string }; groups: Group[] }) {
  return (
    <Table caption={`Groups of ${org.name}`}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Name</Th>
          <Th>Description</Th>
          <Th className="text-right">Members</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((group) => (
          <tr key={group.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/${org.slug}/settings/groups/${group.id}`} className="font-medium text-indigo-700 hover:underline">
                {group.name}
              </Link>
            </Td>
            <Td className="max-w-md truncate text-slate-700">{group.description || <span className="text-slate-500">No description</span>}</Td>
            <Td className="text-right text-slate-700 tabular-nums">{group.memberCount}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
