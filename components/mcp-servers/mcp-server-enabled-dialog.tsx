"use client";

import { toast } from "sonner";
import { ConfirmEnableDialog } from "@/components/ui/confirm-dialog";
import { useUpdateMcpServer, type McpServer } from "@/lib/client/mcp-servers";

/** Disable hides the server's tools from every bot at once; Enable brings them back and syncs again. */
export function McpServerEnabledDialog({ org, server, open, onClose }: { org: string; server: McpServer; open: boolean; onClose: () => void }) {
  const update = useUpdateMcpServer(org, server.id);
  const disabling = server.enabled;

  return (
    <ConfirmEnableDialog
      open={open} onClose={onClose} name={server.name} disabling={disabling} noun="server" mutation={update}
      variables={{ enabled: !disabling }}
      onSaved={(saved) => {
        if (!saved.enabled) toast.success(`${saved.name} is disabled`);
        else if (saved.health === "ERROR") toast.warning(`${saved.name} is enabled, but it could not be synced`, { description: saved.lastError ?? undefined });
        else toast.success(`${saved.name} is enabled`);
      }}
    >
      {disabling ? (
        <p>
          Its tools disappear from every bot&apos;s tool list until you enable it again. Toolsets keep them, and nothing is deleted.
        </p>
      ) : (
        <p>The gateway syncs the server again, and its tools come back to every bot whose toolsets include them.</p>
      )}
    </ConfirmEnableDialog>
  );
}
