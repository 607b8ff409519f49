"use client";

import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState, LoadMore } from "@/components/ui/query-states";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { RemoveMemberDialog } from "@/components/members/remove-member-dialog";
import { errorMessage } from "@/lib/client/api";
import { useMembers, type Member, type Role } from "@/lib/client/members";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { EmptyNotice } from "@/components/ui/empty-state";

export type MembersContext = { org: { slug: string; name: string }; currentUserId: string; actorRole: Role };

export function MembersView({ org, currentUserId, actorRole }: MembersContext) {
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const query = useDebouncedValue(search.trim());
  const members = useMembers(org.slug, query);
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Members"
        description={`People who can sign in to ${org.name}, and their role here.`}
        actions={<Button onClick={() => setAdding(true)}>Add member</Button>}
      />
      <div className="mb-4 max-w-sm">
        <Field label="Search members" type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {members.isPending ? (
        <LoadingState label="Loading members…" />
      ) : members.isError && !members.data ? (
        <ErrorState title="Members could not be loaded" detail={errorMessage(members.error)} onRetry={() => members.refetch()} />
      ) : items.length === 0 ? (
        <EmptyNotice>
          {query ? `No members match “${query}”.` : "This organization has no members yet."}
        </EmptyNotice>
      ) : (
        <>
          <MembersTable org={org} members={items} currentUserId={currentUserId} actorRole={actorRole} onRemove={setRemoving} />
          <LoadMore hasMore={members.hasNextPage} loading={members.isFetchingNextPage} onLoadMore={() => members.fetchNextPage()} />
        </>
      )}
      <AddMemberDialog open={adding} onClose={() => setAdding(false)} org={org} actorRole={actorRole} />
      <RemoveMemberDialog org={org} member={removing} isSelf={removing?.userId === currentUserId} onClose={() => setRemoving(null)} />
    </>
  );
}
