"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/client/api";
import { useRemoveMember, type Member } from "@/lib/client/members";

type Props = { org: { slug: string; name: string }; member: Member | null; isSelf: boolean; onClose: () => void };

export function RemoveMemberDialog({ org, member, isSelf, onClose }: Props) {
  const router = useRouter();
  const removeMember = useRemoveMember(org.slug);

  function confirm() {
    if (!member) return;
    removeMember.mutate(
      { userId: member.userId },
      {
        onSuccess: () => {
          toast.success(`${member.name} was removed from ${org.name}`);
          onClose();
          // Removing yourself ends your access to this page.
          if (isSelf) router.replace("/");
        },
        onError: (error) => {
          toast.error(`Could not remove ${member.name}`, { description: errorMessage(error) });
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={member !== null}
      title={member ? `Remove ${member.name}?` : "Remove member"}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={removeMember.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      {member ? (
        <>
          <p>
            {member.name} ({member.email}) will lose access to {org.name} and be taken out of its groups. Their account stays; you can add
            them again later.
          </p>
          {isSelf ? <p className="font-medium text-red-700">This is you: you will lose access to this organization.</p> : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
