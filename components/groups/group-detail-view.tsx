"use client";

import { useState } from "react";
import { ConfirmDeleteDialog, DetailPage, EditableHeader, useDeleteAndReturn } from "@/components/ui/detail-page";
import { AddGroupMemberForm } from "@/components/groups/add-group-member-form";
import { EditGroupDialog } from "@/components/groups/edit-group-dialog";
import { GroupMembersTable } from "@/components/groups/group-members-table";
import { useDeleteGroup, useGroup } from "@/lib/client/groups";

type Org = { slug: string; name: string };

const NOUN = { singular: "group", plural: "groups" };

export function GroupDetailView({ org, groupId }: { org: Org; groupId: string }) {
  const listHref = `/${org.slug}/settings/groups`;
  const deleteGroup = useDeleteGroup(org.slug, groupId);
  const removal = useDeleteAndReturn({ mutation: deleteGroup, noun: NOUN, listHref });
  const group = useGroup(org.slug, groupId, { enabled: !removal.deleted });
  const [editing, setEditing] = useState(false);

  return (
    <DetailPage query={group} noun={NOUN} listHref={listHref} deleted={removal.deleted}>
      {(current) => (
        <>
          <EditableHeader name={current.name} description={current.description} deleteLabel="Delete group" onEdit={() => setEditing(true)} onDelete={() => removal.setConfirming(true)} />
          <section aria-labelledby="group-members-heading" className="max-w-4xl space-y-4">
            <h2 id="group-members-heading" className="text-lg font-semibold">
              Members <span className="font-normal text-slate-500">({current.members.length})</span>
            </h2>
            <AddGroupMemberForm org={org.slug} group={current} />
            <GroupMembersTable org={org.slug} group={current} />
          </section>
          <EditGroupDialog org={org.slug} group={current} open={editing} onClose={() => setEditing(false)} />
          <ConfirmDeleteDialog removal={removal} name={current.name} confirmLabel="Delete group">
            <p>
              The group and its list of {current.members.length === 1 ? "1 member" : `${current.members.length} members`} are deleted. The
              people stay in {org.name}. This cannot be undone.
            </p>
          </ConfirmDeleteDialog>
        </>
      )}
    </DetailPage>
  );
}
