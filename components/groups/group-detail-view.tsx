"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { AddGroupMemberForm } from "@/components/groups/add-group-member-form";
import { EditGroupDialog } from "@/components/groups/edit-group-dialog";
import { GroupMembersTable } from "@/components/groups/group-members-table";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useDeleteGroup, useGroup } from "@/lib/client/groups";

type Org = { slug: string; name: string };

export function GroupDetailView({ org, groupId }: { org: Org; groupId: string }) {
  const router = useRouter();
  const [deleted, setDeleted] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const group = useGroup(org.slug, groupId, { enabled: !deleted });
  const deleteGroup = useDeleteGroup(org.slug, groupId);
  const listHref = `/${org.slug}/settings/groups`;

  const back = (
    <Link href={listHref} className="mb-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
      ← All groups
    </Link>
  );

  if (deleted) return <LoadingState label="Group deleted. Returning to the list of groups…" />;
  if (group.isPending) {
    return (
      <>
        {back}
        <LoadingState label="Loading group…" />
      </>
    );
  }
  if (group.isError) {
    const notFound = group.error instanceof ApiError && group.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <div role="alert" className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
            <h1 className="text-xl font-semibold">Group not found</h1>
            <p className="mt-2 text-sm text-slate-600">It may have been deleted, or the link is wrong.</p>
          </div>
        ) : (
          <ErrorState title="The group could not be loaded" detail={errorMessage(group.error)} onRetry={() => group.refetch()} />
        )}
      </>
    );
  }

  const current = group.data;
  function confirmDelete() {
    deleteGroup.mutate(undefined, {
      onSuccess: () => {
        setDeleted(true);
        toast.success(`Group “${current.name}” deleted`);
        router.push(listHref);
      },
      onError: (error) => {
        setConfirmingDelete(false);
        toast.error(`Could not delete ${current.name}`, { description: errorMessage(error) });
      },
    });
  }

  return (
    <>
      {back}
      <PageHeader
        title={current.name}
        description={current.description || "No description"}
        actions={
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
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
        open={confirmingDelete}
        title={`Delete ${current.name}?`}
        confirmLabel="Delete group"
        pendingLabel="Deleting…"
        pending={deleteGroup.isPending}
        onConfirm={confirmDelete}
        onClose={() => setConfirmingDelete(false)}
      >
        <p>
          The group and its list of {current.members.length === 1 ? "1 member" : `${current.members.length} members`} are deleted. The
          people stay in {org.name}. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
