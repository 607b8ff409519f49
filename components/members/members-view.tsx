"use client";

import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { SearchField, useSearch } from "@/components/ui/search-field";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { RemoveMemberDialog } from "@/components/members/remove-member-dialog";
import { useMembers, type Member, type Role } from "@/lib/client/members";
import { EmptyNotice } from "@/components/ui/empty-state";

export type MembersContext = { org: { slug: string; name: string }; currentUserId: string; actorRole: Role };

export function MembersView({ org, currentUserId, actorRole }: MembersContext) {
  const search = useSearch();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const members = useMembers(org.slug, search.query);
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
        <MembersTable org={org} members={items} currentUserId={currentUserId} actorRole={actorRole} onRemove={setRemoving} />
      </QueryList>
      <AddMemberDialog open={adding} onClose={() => setAdding(false)} org={org} actorRole={actorRole} />
      <RemoveMemberDialog org={org} member={removing} isSelf={removing?.userId === currentUserId} onClose={() => setRemoving(null)} />
    </>
  );
}
