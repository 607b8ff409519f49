"use client";

import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { errorMessage } from "@/lib/client/api";
import { useUpdateToolset, type Toolset } from "@/lib/client/toolsets";

export function EditToolsetDialog({ org, toolset, open, onClose }: { org: string; toolset: Toolset; open: boolean; onClose: () => void }) {
  const updateToolset = useUpdateToolset(org, toolset.id);
  const close = () => {
    updateToolset.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Edit toolset">
      <NameDescriptionForm
        descriptionHint="Optional. What the tools are for, or who should get them."
        initial={{ name: toolset.name, description: toolset.description }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={updateToolset.isPending}
        error={updateToolset.error}
        onCancel={close}
        onSubmit={(input) =>
          updateToolset.mutate(input, {
            onSuccess: () => {
              toast.success("Toolset saved");
              close();
            },
            onError: (error) => toast.error("Could not save the toolset", { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}
