import type { McpServer } from "@/lib/client/mcp-servers";

/** What the last successful sync added, removed and changed, and which toolsets lost tools because of it. */
export function LastSyncChanges({ server }: { server: McpServer }) {
  const changes = server.lastSyncChanges;
  return (
    <section aria-labelledby="last-sync-heading" className="space-y-3">
      <h2 id="last-sync-heading" className="text-lg font-semibold">
        What changed in the last sync
      </h2>
      {!changes ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
          No sync has finished yet. Once one does, the tools it added, removed and changed are listed here.
        </p>
      ) : (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {changes.toolsetsAffected.length ? (
            <div role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              <strong className="font-semibold">
                {changes.toolsetsAffected.length === 1 ? "1 toolset lost tools:" : `${changes.toolsetsAffected.length} toolsets lost tools:`}
              </strong>{" "}
              {changes.toolsetsAffected.join(", ")}. The server no longer offers them, so they were taken out.
            </div>
          ) : null}
          {changes.tools.added.length + changes.tools.removed.length + changes.tools.changed.length === 0 ? (
            <p className="text-slate-700">No tools were added, removed or changed.</p>
          ) : (
            <div className="space-y-3">
              <ToolNameList title="Added" names={changes.tools.added} />
              <ToolNameList title="Removed" names={changes.tools.removed} />
              <ToolNameList title="Changed" names={changes.tools.changed} />
            </div>
          )}
          <p className="text-xs text-slate-500">
            After the sync: {plural(changes.prompts, "prompt")}, {plural(changes.resources, "resource")},{" "}
            {plural(changes.resourceTemplates, "resource template")}.
          </p>
        </div>
      )}
    </section>
  );
}

function ToolNameList({ title, names }: { title: string; names: string[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title} ({names.length})
      </h3>
      {names.length ? (
        <ul className="mt-1 flex flex-wrap gap-1.5">
          {names.map((name) => (
            <li key={name} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-800">
              {name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-500">None</p>
      )}
    </div>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
