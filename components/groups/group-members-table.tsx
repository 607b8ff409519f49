"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmRowDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format-date";
import { useRemoveGroupMember, type GroupDetail, type GroupMember } from "@/lib/client/groups";

export function GroupMembersTable({ org, group }: { org: string; group: GroupDetail }) {
  const removeMember = useRemoveGroupMember(org, group.id);
  const [removing, setRemoving] = useState<GroupMember | null>(null);

  if (group.members.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
        No one is in this group yet. Choose a person above and add them.
      </p>
    );
  }

  function remove(member: GroupMember) {
    removeMember.mutate(
      { userId: member.userId },
      {
        onSuccess: () => toast.success(`${member.name} was removed from ${group.name}`),
        onError: (error) => toast.error(`Could not remove ${member.name} from ${group.name}`, { description: errorMessage(error) }),
        onSettled: () => setRemoving(null),
      },
    );
  }

  return (
    <>
      <DataTable
        caption={`Members of ${group.name}`}
        rows={group.members}
        rowKey={(member) => member.userId}
        columns={[
          { header: "Name", className: "font-medium text-slate-900", cell: (member) => member.name },
          { header: "Email", className: "text-slate-700", cell: (member) => member.email },
          { header: "Added", className: "whitespace-nowrap text-slate-700", cell: (member) => formatDate(member.addedAt) },
        ]}
        actions={(member) => {
          const pending = removeMember.isPending && removeMember.variables?.userId === member.userId;
          return (
            <Button variant="ghost" size="sm" aria-label={`Remove ${member.name} from ${group.name}`} disabled={pending} onClick={() => setRemoving(member)}>
              {pending ? "Removing…" : "Remove"}
            </Button>
          );
        }}
      />
      <ConfirmRowDialog
        row={removing}
        title={(removing) => `Remove ${removing.name} from ${group.name}?`}
        confirmLabel="Remove from group"
        pendingLabel="Removing…"
        pending={removeMember.isPending}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        {(removing) => <p>{`${removing.name} loses what the group gives (its toolsets) from the next request. You can add them back at any time.`}</p>}
      </ConfirmRowDialog>
    </>
  );
}
