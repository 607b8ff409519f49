"use client";

import { NameDescriptionDialog } from "@/components/ui/name-description-form";
import { useUpdateToolset, type Toolset } from "@/lib/client/toolsets";

export function EditToolsetDialog({ org, toolset, open, onClose }: { org: string; toolset: Toolset; open: boolean; onClose: () => void }) {
  const updateToolset = useUpdateToolset(org, toolset.id);
  return (
    <NameDescriptionDialog
      open={open}
      onClose={onClose}
      title="Edit toolset"
      descriptionHint="Optional. What the tools are for, or who should get them."
      initial={{ name: toolset.name, description: toolset.description }}
      mutation={updateToolset}
      successMessage={() => "Toolset saved"}
      errorMessage="Could not save the toolset"
    />
  );
}
