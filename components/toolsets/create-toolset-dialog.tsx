"use client";

import { useRouter } from "next/navigation";
import { NameDescriptionDialog } from "@/components/ui/name-description-form";
import { useCreateToolset } from "@/lib/client/toolsets";

/** Creates the toolset and opens its page, where tools are added and it is assigned. */
export function CreateToolsetDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const createToolset = useCreateToolset(org);
  return (
    <NameDescriptionDialog
      open={open}
      onClose={onClose}
      title="New toolset"
      description="A bundle of tools from your MCP servers, to assign to people, groups and service accounts."
      descriptionHint="Optional. What the tools are for, or who should get them."
      submitLabel="Create toolset"
      mutation={createToolset}
      successMessage={(toolset) => `Toolset “${toolset.name}” created`}
      errorMessage="Could not create the toolset"
      onSaved={(toolset) => router.push(`/${org}/toolsets/${toolset.id}`)}
    />
  );
}
