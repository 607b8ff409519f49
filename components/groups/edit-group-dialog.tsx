"use client";

import { NameDescriptionDialog } from "@/components/ui/name-description-form";
import { useUpdateGroup, type Group } from "@/lib/client/groups";

export function EditGroupDialog({ org, group, open, onClose }: { org: string; group: Group; open: boolean; onClose: () => void }) {
  const updateGroup = useUpdateGroup(org, group.id);
  return (
    <NameDescriptionDialog
      open={open}
      onClose={onClose}
      title="Edit group"
      descriptionHint="Optional. What the group is for, or who belongs in it."
      initial={{ name: group.name, description: group.description }}
      mutation={updateGroup}
      successMessage={() => "Group saved"}
      errorMessage="Could not save the group"
    />
  );
}
