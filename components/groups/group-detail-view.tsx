"use client";

import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DetailPage, useDeleteAndReturn } from "@/components/ui/detail-page";
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
          <PageHeader
            title={current.name}
            description={current.description || "No description"}
            actions={
              <>
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button variant="danger" onClick={() => removal.setConfirming(true)}>
                  Delete group
                </Button>
              </>
            }
          />
          <section aria-labelledby="group-members-heading" className="max-w-4xl space-y-4">
            <h2 id="group-members-heading" className="text-lg font-semibold">
              Members <span className="font-normal text-slate-500">({current.members.length})</span>
            </h2>
            <AddGroupMemberForm org={org.slug} group={current} />
            <GroupMembersTable org={org.slug} group={current} />
          </section>
          <EditGroupDialog org={org.slug} group={current} open={editing} onClose={() => setEditing(false)} />
          <ConfirmDialog
            open={removal.confirming}
            title={`Delete ${current.name}?`}
            confirmLabel="Delete group"
            pendingLabel="Deleting…"
            pending={removal.pending}
            onConfirm={() => removal.confirmDelete(current.name)}
            onClose={() => removal.setConfirming(false)}
          >
            <p>
              The group and its list of {current.members.length === 1 ? "1 member" : `${current.members.length} members`} are deleted. The
              people stay in {org.name}. This cannot be undone.
            </p>
          </ConfirmDialog>
        </>
      )}
    </DetailPage>
  );
}
