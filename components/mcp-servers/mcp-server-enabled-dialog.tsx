"use client";

import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/client/api";
import { useUpdateMcpServer, type McpServer } from "@/lib/client/mcp-servers";

/** Disable hides the server's tools from every bot at once; Enable brings them back and syncs again. */
export function McpServerEnabledDialog({ org, server, open, onClose }: { org: string; server: McpServer; open: boolean; onClose: () => void }) {
  const update = useUpdateMcpServer(org, server.id);
  const disabling = server.enabled;

  function confirm() {
    update.mutate(
      { enabled: !disabling },
      {
        onSuccess: (saved) => {
          if (!saved.enabled) toast.success(`${saved.name} is disabled`);
          else if (saved.health === "ERROR") toast.warning(`${saved.name} is enabled, but it could not be synced`, { description: saved.lastError ?? undefined });
          else toast.success(`${saved.name} is enabled`);
          onClose();
        },
        onError: (error) => {
          toast.error(disabling ? `Could not disable ${server.name}` : `Could not enable ${server.name}`, { description: errorMessage(error) });
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={open}
      title={disabling ? `Disable ${server.name}?` : `Enable ${server.name}?`}
      confirmLabel={disabling ? "Disable server" : "Enable server"}
      pendingLabel={disabling ? "Disabling…" : "Enabling…"}
      tone={disabling ? "danger" : "primary"}
      pending={update.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      {disabling ? (
        <p>
          Its tools disappear from every bot&apos;s tool list until you enable it again. Toolsets keep them, and nothing is deleted.
        </p>
      ) : (
        <p>The gateway syncs the server again, and its tools come back to every bot whose toolsets include them.</p>
      )}
    </ConfirmDialog>
  );
}
