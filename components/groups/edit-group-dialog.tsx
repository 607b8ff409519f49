"use client";

import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { errorMessage } from "@/lib/client/api";
import { useUpdateGroup, type Group } from "@/lib/client/groups";

export function EditGroupDialog({ org, group, open, onClose }: { org: string; group: Group; open: boolean; onClose: () => void }) {
  const updateGroup = useUpdateGroup(org, group.id);
  const close = () => {
    updateGroup.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Edit group">
      <NameDescriptionForm
        descriptionHint="Optional. What the group is for, or who belongs in it."
        initial={{ name: group.name, description: group.description }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={updateGroup.isPending}
        error={updateGroup.error}
        onCancel={close}
        onSubmit={(input) =>
          updateGroup.mutate(input, {
            onSuccess: () => {
              toast.success("Group saved");
              close();
            },
            onError: (error) => toast.error("Could not save the group", { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}
