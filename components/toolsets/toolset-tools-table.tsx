"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmRowDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import type { CatalogTool } from "@/lib/client/mcp-servers";
import { useRemoveToolsetTool, type ToolsetDetail } from "@/lib/client/toolsets";

export function ToolsetToolsTable({ org, toolset }: { org: string; toolset: ToolsetDetail }) {
  const removeTool = useRemoveToolsetTool(org, toolset.id);
  const [removing, setRemoving] = useState<CatalogTool | null>(null);

  if (toolset.tools.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
        No tools in this toolset yet. Add tools from your MCP servers with Add tools.
      </p>
    );
  }

  function remove(tool: CatalogTool) {
    removeTool.mutate(
      { toolId: tool.id },
      {
        onSuccess: () => toast.success(`${tool.exposedName} was removed from ${toolset.name}`),
        onError: (error) => toast.error(`Could not remove ${tool.exposedName}`, { description: errorMessage(error) }),
        onSettled: () => setRemoving(null),
      },
    );
  }

  return (
    <>
      <DataTable
        caption={`Tools in ${toolset.name}`}
        rows={toolset.tools}
        rowKey={(tool) => tool.id}
        columns={[
          {
            header: "Tool",
            className: "align-top",
            cell: (tool) => (
              <>
                <span className="font-mono text-sm font-medium break-all text-slate-900">{tool.exposedName}</span>
                {tool.title ? <span className="block text-xs text-slate-600">{tool.title}</span> : null}
              </>
            ),
          },
          {
            header: "Server",
            className: "align-top whitespace-nowrap",
            cell: (tool) => (
              <Link href={`/${org}/mcp-servers/${tool.server.id}`} className="text-indigo-700 hover:underline">
                {tool.server.name}
              </Link>
            ),
          },
          {
            header: "Description",
            className: "max-w-xl align-top text-slate-700",
            cell: (tool) => (
              <span className="line-clamp-2" title={tool.description}>
                {tool.description || <span className="text-slate-500">No description</span>}
              </span>
            ),
          },
        ]}
        actionsClassName="text-right align-top"
        actions={(tool) => {
          const pending = removeTool.isPending && removeTool.variables?.toolId === tool.id;
          return (
            <Button variant="ghost" size="sm" aria-label={`Remove ${tool.exposedName}`} disabled={pending} onClick={() => setRemoving(tool)}>
              {pending ? "Removing…" : "Remove"}
            </Button>
          );
        }}
      />
      <ConfirmRowDialog
        row={removing}
        title={(removing) => `Remove ${removing.exposedName} from ${toolset.name}?`}
        confirmLabel="Remove tool"
        pendingLabel="Removing…"
        pending={removeTool.isPending}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        {(removing) => <p>{`Everyone given ${toolset.name} loses ${removing.exposedName} from the next request, unless a grant gives it. You can add it back with Add tools.`}</p>}
      </ConfirmRowDialog>
    </>
  );
}
