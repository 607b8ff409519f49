"use client";

import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { errorMessage } from "@/lib/client/api";
import { useCreateGroup } from "@/lib/client/groups";

export function CreateGroupDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const createGroup = useCreateGroup(org);
  const close = () => {
    createGroup.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="New group" description="Groups gather people so you can give them access together.">
      <NameDescriptionForm
        descriptionHint="Optional. What the group is for, or who belongs in it."
        submitLabel="Create group"
        pendingLabel="Creating…"
        pending={createGroup.isPending}
        error={createGroup.error}
        onCancel={close}
        onSubmit={(input) =>
          createGroup.mutate(input, {
            onSuccess: (group) => {
              toast.success(`Group “${group.name}” created`);
              close();
            },
            onError: (error) => toast.error("Could not create the group", { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}
