"use client";

import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";
import type { McpServer } from "@/lib/client/mcp-servers";

type Props = { server: McpServer; open: boolean; pending: boolean; onConfirm: () => void; onClose: () => void };

/** Deleting takes the server's tools out of every toolset and cannot be undone, so the slug must be typed first. */
export function DeleteMcpServerDialog({ server, ...rest }: Props) {
  const n = server.toolCount;
  return (
    <TypeToConfirmDialog
      {...rest}
      title={`Delete ${server.name}?`}
      expected={server.slug}
      what="slug"
      monospace
      confirmLabel="Delete server"
      consequence={`The server and its catalog are deleted${n ? ` (${n === 1 ? "1 tool" : `${n} tools`})` : ""}. Its tools leave every toolset, and bots lose them from the next request. Its header values are destroyed.`}
    />
  );
}
