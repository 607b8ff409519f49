"use client";

import { useRouter } from "next/navigation";
import { ConfirmRowMutationDialog } from "@/components/ui/confirm-dialog";
import { useRemoveMember, type Member } from "@/lib/client/members";

type Props = { org: { slug: string; name: string }; member: Member | null; isSelf: boolean; onClose: () => void };

export function RemoveMemberDialog({ org, member, isSelf, onClose }: Props) {
  const router = useRouter();
  const removeMember = useRemoveMember(org.slug);
  return (
    <ConfirmRowMutationDialog
      row={member}
      title={(member) => `Remove ${member.name}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      mutation={removeMember}
      variables={(member) => ({ userId: member.userId })}
      succeeded={(member) => `${member.name} was removed from ${org.name}`}
      failed={(member) => `Could not remove ${member.name}`}
      // Removing yourself ends your access to this page.
      onDone={() => isSelf && router.replace("/")}
      onClose={onClose}
    >
      {(member) => (
        <>
          <p>
            {member.name} ({member.email}) will lose access to {org.name} and be taken out of its groups. Their account stays; you can add
            them again later.
          </p>
          {isSelf ? <p className="font-medium text-red-700">This is you: you will lose access to this organization.</p> : null}
        </>
      )}
    </ConfirmRowMutationDialog>
  );
}
