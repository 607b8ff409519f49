"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DetailPage, useDeleteAndReturn } from "@/components/ui/detail-page";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { DeleteMcpServerDialog } from "@/components/mcp-servers/delete-mcp-server-dialog";
import { EditMcpServerDialog } from "@/components/mcp-servers/edit-mcp-server-dialog";
import { LastSyncChanges } from "@/components/mcp-servers/last-sync-changes";
import { McpServerCatalog } from "@/components/mcp-servers/mcp-server-catalog";
import { McpServerStatusBadges } from "@/components/mcp-servers/mcp-server-badges";
import { McpServerEnabledDialog } from "@/components/mcp-servers/mcp-server-enabled-dialog";
import { errorMessage } from "@/lib/client/api";
import { useDeleteMcpServer, useMcpServer, useSyncMcpServer, type McpServerDetail } from "@/lib/client/mcp-servers";

type Org = { slug: string; name: string };

const NOUN = { singular: "MCP server", plural: "MCP servers" };

export function McpServerDetailView({ org, serverId }: { org: Org; serverId: string }) {
  const listHref = `/${org.slug}/mcp-servers`;
  const deleteServer = useDeleteMcpServer(org.slug, serverId);
  const removal = useDeleteAndReturn({ mutation: deleteServer, noun: NOUN, listHref });
  const server = useMcpServer(org.slug, serverId, { enabled: !removal.deleted });


  return (
    <DetailPage query={server} noun={NOUN} listHref={listHref} deleted={removal.deleted} deletedLabel="Server deleted." className="max-w-6xl">
      {(current) => (
        <>
          <ServerHeader org={org.slug} server={current} />
          <div className="mt-8 grid gap-8 lg:grid-cols-2">
            <LastSyncChanges server={current} />
            <ServerSettings org={org.slug} server={current} onDelete={() => removal.setConfirming(true)} />
          </div>
          <div className="mt-8">
            <McpServerCatalog server={current} />
          </div>
          <DeleteMcpServerDialog
            server={current}
            open={removal.confirming}
            pending={removal.pending}
            onConfirm={() => removal.confirmDelete(current.name)}
            onClose={() => removal.setConfirming(false)}
          />
        </>
      )}
    </DetailPage>
  );
}

/** The name, the status line, the last error, and Sync now. */
function ServerHeader({ org, server }: { org: string; server: McpServerDetail }) {
  const sync = useSyncMcpServer(org, server.id);

  function syncNow() {
    sync.mutate(undefined, {
      onSuccess: ({ result }) => {
        if (result.status === "synced") {
          const { added, removed, changed } = result.changes.tools;
          toast.success(`Synced: ${added.length} added, ${removed.length} removed, ${changed.length} changed`);
        } else {
          toast.error(`Could not sync ${server.name}`, { description: result.message });
        }
      },
      onError: (error) => toast.error(`Could not sync ${server.name}`, { description: errorMessage(error) }),
    });
  }

  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-all">{server.name}</h1>
            {server.builtin ? <Badge tone="indigo">Built-in</Badge> : null}
          </div>
          <p className="mt-1 font-mono text-sm text-slate-600">{server.slug}</p>
        </div>
        <Button
          onClick={syncNow}
          disabled={sync.isPending || !server.enabled}
          aria-describedby={server.enabled ? undefined : "sync-disabled-reason"}
        >
          {sync.isPending ? (
            <>
              <Spinner /> Syncing…
            </>
          ) : (
            "Sync now"
          )}
        </Button>
      </div>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
        <McpServerStatusBadges server={server} />
        <span>
          Protocol <span className="font-mono">{server.protocolVersion ?? "unknown"}</span>
        </span>
        <span>{server.lastSyncedAt ? <>Last synced <RelativeTime iso={server.lastSyncedAt} /></> : "Never synced"}</span>
        <span className="tabular-nums">{server.toolCount === 1 ? "1 tool" : `${server.toolCount} tools`}</span>
      </p>
      {server.enabled ? null : (
        <p id="sync-disabled-reason" role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This server is disabled: its tools are hidden from every bot and it is not synced. Enable it under Settings to bring them back.
        </p>
      )}
      {server.health === "ERROR" && server.lastError ? (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-semibold">
            The last sync failed
            {server.lastErrorAt ? (
              <span className="font-normal">
                {" "}
                (<RelativeTime iso={server.lastErrorAt} />)
              </span>
            ) : null}
          </p>
          <p className="mt-1 break-words">{server.lastError}</p>
        </div>
      ) : null}
    </header>
  );
}

/** URL, timeout and header names, with Edit, Disable or Enable, and Delete. */
function ServerSettings({ org, server, onDelete }: { org: string; server: McpServerDetail; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const [changingEnabled, setChangingEnabled] = useState(false);
  const seconds = Math.round(server.timeoutMs / 1000);
  return (
    <section aria-labelledby="server-settings-heading" className="space-y-3">
      <h2 id="server-settings-heading" className="text-lg font-semibold">
        Settings
      </h2>
      <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">URL</dt>
          <dd className="mt-1 font-mono break-all text-slate-900">{server.url}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Timeout</dt>
          <dd className="mt-1 text-slate-900">{seconds === 1 ? "1 second" : `${seconds} seconds`}</dd>
        </div>
        {server.builtin ? null : (
          <div>
            <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Headers</dt>
            <dd className="mt-1 text-slate-900">
              {server.headerNames.length ? (
                <>
                  <span className="font-mono">{server.headerNames.join(", ")}</span>
                  <span className="block text-xs text-slate-500">Values are write-only.</span>
                </>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {server.builtin ? <p className="text-xs text-slate-500">A built-in server&apos;s URL and headers are managed by the gateway.</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button variant="secondary" onClick={() => setChangingEnabled(true)}>
          {server.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="danger" onClick={onDelete}>
          Delete server
        </Button>
      </div>
      <EditMcpServerDialog org={org} server={server} open={editing} onClose={() => setEditing(false)} />
      <McpServerEnabledDialog org={org} server={server} open={changingEnabled} onClose={() => setChangingEnabled(false)} />
    </section>
  );
}
