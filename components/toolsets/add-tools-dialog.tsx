"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { JsonSchemaDetails } from "@/components/mcp-servers/json-schema-details";
import { ToolHints } from "@/components/mcp-servers/mcp-server-catalog";
import { errorMessage } from "@/lib/client/api";
import { useCatalogTools, type CatalogTool } from "@/lib/client/mcp-servers";
import { useAddToolsetTools, type ToolsetDetail } from "@/lib/client/toolsets";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { FormActions } from "@/components/ui/form-actions";

type Props = { org: string; toolset: ToolsetDetail; open: boolean; onClose: () => void };

/** The organization's catalog, grouped by server, to pick tools from. Tools already in the toolset show checked and cannot be picked again. */
export function AddToolsDialog({ org, toolset, open, onClose }: Props) {
  const addTools = useAddToolsetTools(org, toolset.id);
  const close = () => {
    addTools.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={addTools.isPending ? () => {} : close}
      title="Add tools"
      description={`Choose tools from your MCP servers to add to ${toolset.name}.`}
      size="wide"
    >
      <AddToolsForm
        org={org}
        toolset={toolset}
        pending={addTools.isPending}
        onCancel={close}
        onSubmit={(toolIds) =>
          addTools.mutate(
            { toolIds },
            {
              onSuccess: ({ added }) => {
                const n = added.length;
                toast.success(n === 0 ? `Those tools were already in ${toolset.name}` : `Added ${n === 1 ? "1 tool" : `${n} tools`} to ${toolset.name}`);
                close();
              },
              onError: (error) => toast.error(`Could not add the tools to ${toolset.name}`, { description: errorMessage(error) }),
            },
          )
        }
      />
    </Dialog>
  );
}

type FormProps = { org: string; toolset: ToolsetDetail; pending: boolean; onSubmit: (toolIds: string[]) => void; onCancel: () => void };

function AddToolsForm({ org, toolset, pending, onSubmit, onCancel }: FormProps) {
  const [search, setSearch] = useState("");
  // Kept across searches, so narrowing the list does not forget what was ticked.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const query = useDebouncedValue(search.trim());
  const catalog = useCatalogTools(org, query);
  const inToolset = new Set(toolset.tools.map((t) => t.id));

  function toggle(toolId: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(toolId);
      else next.delete(toolId);
      return next;
    });
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected.size && !pending) onSubmit([...selected]);
  }

  const tools = catalog.data?.items ?? [];
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Search tools" type="search" placeholder="Name or description" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      <div className="max-h-[50vh] overflow-y-auto rounded-md border border-slate-200">
        {catalog.isPending ? (
          <LoadingState label="Loading the catalog…" />
        ) : catalog.isError && !catalog.data ? (
          <ErrorState title="The catalog could not be loaded" detail={errorMessage(catalog.error)} onRetry={() => catalog.refetch()} />
        ) : tools.length === 0 ? (
          <p role="status" className="px-6 py-10 text-center text-sm text-slate-600">
            {query ? (
              `No tools match “${query}”.`
            ) : (
              <>
                The catalog is empty.{" "}
                <Link href={`/${org}/mcp-servers`} className="font-medium text-indigo-700 hover:underline">
                  Register an MCP server
                </Link>{" "}
                to bring in its tools.
              </>
            )}
          </p>
        ) : (
          groupByServer(tools).map(({ server, tools: serverTools }) => (
            <ServerToolGroup key={server.id} server={server} tools={serverTools} inToolset={inToolset} selected={selected} onToggle={toggle} />
          ))
        )}
      </div>
      <p aria-live="polite" className="text-sm text-slate-600">
        {selected.size === 0 ? "No tools selected." : selected.size === 1 ? "1 tool selected." : `${selected.size} tools selected.`}
      </p>
      <FormActions submitLabel="Add selected tools" pendingLabel="Adding…" pending={pending} canSubmit={selected.size > 0} onCancel={onCancel} />
    </form>
  );
}

type ServerGroup = { server: CatalogTool["server"]; tools: CatalogTool[] };

/** The API sorts by server, then tool: consecutive runs are the groups. */
function groupByServer(tools: CatalogTool[]): ServerGroup[] {
  const groups: ServerGroup[] = [];
  for (const tool of tools) {
    const last = groups.at(-1);
    if (last && last.server.id === tool.server.id) last.tools.push(tool);
    else groups.push({ server: tool.server, tools: [tool] });
  }
  return groups;
}

type GroupProps = {
  server: CatalogTool["server"];
  tools: CatalogTool[];
  inToolset: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onToggle: (toolId: string, on: boolean) => void;
};

function ServerToolGroup({ server, tools, inToolset, selected, onToggle }: GroupProps) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="border-b border-slate-200 last:border-b-0">
      <h3 id={headingId} className="sticky top-0 z-10 border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-800">
        {server.name} <span className="font-mono text-xs font-normal text-slate-500">{server.slug}</span>
      </h3>
      <ul className="divide-y divide-slate-100">
        {tools.map((tool) => (
          <ToolOption
            key={tool.id}
            tool={tool}
            already={inToolset.has(tool.id)}
            checked={inToolset.has(tool.id) || selected.has(tool.id)}
            onToggle={(on) => onToggle(tool.id, on)}
          />
        ))}
      </ul>
    </div>
  );
}

function ToolOption({ tool, already, checked, onToggle }: { tool: CatalogTool; already: boolean; checked: boolean; onToggle: (on: boolean) => void }) {
  const id = useId();
  const describedBy = [tool.description ? `${id}-description` : null, already ? `${id}-already` : null].filter(Boolean).join(" ") || undefined;
  return (
    <li className="flex gap-3 px-4 py-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={already}
        onChange={(e) => onToggle(e.target.checked)}
        aria-describedby={describedBy}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-600"
      />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={id} className={`font-mono text-sm font-medium break-all ${already ? "text-slate-500" : "text-slate-900"}`}>
            {tool.exposedName}
          </label>
          <ToolHints annotations={tool.annotations} />
          {already ? (
            <span id={`${id}-already`} className="text-xs text-slate-500">
              Already in this toolset
            </span>
          ) : null}
        </div>
        {tool.description ? (
          <p id={`${id}-description`} className="mt-0.5 line-clamp-3 text-sm text-slate-600">
            {tool.description}
          </p>
        ) : null}
        <JsonSchemaDetails label="Input schema" schema={tool.inputSchema} />
      </div>
    </li>
  );
}
