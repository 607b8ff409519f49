"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { errorMessage } from "@/lib/client/api";
import { useCreateToolset } from "@/lib/client/toolsets";

/** Creates the toolset and opens its page, where tools are added and it is assigned. */
export function CreateToolsetDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const createToolset = useCreateToolset(org);
  const close = () => {
    createToolset.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="New toolset" description="A bundle of tools from your MCP servers, to assign to people, groups and service accounts.">
      <NameDescriptionForm
        descriptionHint="Optional. What the tools are for, or who should get them."
        submitLabel="Create toolset"
        pendingLabel="Creating…"
        pending={createToolset.isPending}
        error={createToolset.error}
        onCancel={close}
        onSubmit={(input) =>
          createToolset.mutate(input, {
            onSuccess: (toolset) => {
              toast.success(`Toolset “${toolset.name}” created`);
              close();
              router.push(`/${org}/toolsets/${toolset.id}`);
            },
            onError: (error) => toast.error("Could not create the toolset", { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}
