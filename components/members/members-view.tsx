"use client";

import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { ListCount } from "@/components/ui/list-count";
import { SearchField, searchInUrl } from "@/components/ui/search-field";
import { listUrlCodec, useListUrlState } from "@/lib/client/use-list-url-state";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { RemoveMemberDialog } from "@/components/members/remove-member-dialog";
import { useMembers, type Member, type MemberSort, type Role } from "@/lib/client/members";
import { EmptyNotice } from "@/components/ui/empty-state";

const MEMBERS_LIST = listUrlCodec({ search: { typed: true }, sort: { allowed: ["email", "-email", "newest", "oldest"], default: "oldest" } });

export type MembersContext = { org: { slug: string; name: string }; currentUserId: string; actorRole: Role };

export function MembersView({ org, currentUserId, actorRole }: MembersContext) {
  const list = useListUrlState(MEMBERS_LIST);
  const search = searchInUrl(list);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const members = useMembers(org.slug, search.query, { sort: list.values.sort as MemberSort });
  const items = loadedItems(members.data);

  return (
    <>
      <PageHeader
        title="Members"
        description={`People who can sign in to ${org.name}, and their role here.`}
        actions={<Button onClick={() => setAdding(true)}>Add member</Button>}
      />
      <SearchField label="Search members" placeholder="Name or email" search={search} />
      <QueryList query={members} loadingLabel="Loading members…" errorTitle="Members could not be loaded" isEmpty={items.length === 0}
        empty={
          <EmptyNotice>
            {search.query ? `No members match “${search.query}”.` : "This organization has no members yet."}
          </EmptyNotice>
        }
      >
        <>
          <ListCount page={members.data?.pages[0]} shown={items.length} noun={["member", "members"]} />
          <MembersTable
            org={org}
            members={items}
            currentUserId={currentUserId}
            actorRole={actorRole}
            onRemove={setRemoving}
            sort={list.values.sort}
            onSort={(sort) => list.set("sort", sort)}
          />
        </>
      </QueryList>
      <AddMemberDialog open={adding} onClose={() => setAdding(false)} org={org} actorRole={actorRole} />
      <RemoveMemberDialog org={org} member={removing} isSelf={removing?.userId === currentUserId} onClose={() => setRemoving(null)} />
    </>
  );
}
