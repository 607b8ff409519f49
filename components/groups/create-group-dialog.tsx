"use client";

import { NameDescriptionDialog } from "@/components/ui/name-description-form";
import { useCreateGroup } from "@/lib/client/groups";

export function CreateGroupDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const createGroup = useCreateGroup(org);
  return (
    <NameDescriptionDialog
      open={open}
      onClose={onClose}
      title="New group"
      description="Groups gather people so you can give them access together."
      descriptionHint="Optional. What the group is for, or who belongs in it."
      submitLabel="Create group"
      mutation={createGroup}
      successMessage={(group) => `Group “${group.name}” created`}
      errorMessage="Could not create the group"
    />
  );
}
