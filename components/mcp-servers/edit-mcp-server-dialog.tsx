"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { checkHeaderRows, headerProblems, HeadersEditor, newHeaderRow, type HeaderRow } from "@/components/mcp-servers/headers-editor";
import { TimeoutField } from "@/components/mcp-servers/timeout-field";
import { checkTimeoutSeconds, timeoutSecondsText } from "@/components/mcp-servers/timeout";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useUpdateMcpServer, type McpServer, type UpdateMcpServerInput } from "@/lib/client/mcp-servers";
import { FormActions, FormError } from "@/components/ui/form-actions";

type EditProps = { org: string; server: McpServer; open: boolean; onClose: () => void };

/**
 * Name, URL, timeout and headers. Header values are write-only, so the form
 * shows the current names and offers only to replace the whole set. A changed
 * URL, timeout or header set makes the API reconnect and re-sync before it answers.
 */
export function EditMcpServerDialog({ org, server, open, onClose }: EditProps) {
  const update = useUpdateMcpServer(org, server.id);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={update.isPending ? () => {} : close} title={`Edit ${server.name}`}>
      <EditForm
        server={server}
        pending={update.isPending}
        error={update.error}
        onCancel={close}
        onSubmit={(input) => {
          if (Object.keys(input).length === 0) return close();
          update.mutate(input, {
            onSuccess: (saved) => {
              const reconnected = input.url !== undefined || input.headers !== undefined || input.timeoutMs !== undefined;
              if (reconnected && saved.enabled && saved.health === "ERROR") {
                toast.warning("Saved, but the server could not be synced", { description: saved.lastError ?? undefined });
              } else {
                toast.success("Server saved");
              }
              close();
            },
            onError: (error) => toast.error(`Could not save ${server.name}`, { description: errorMessage(error) }),
          });
        }}
      />
    </Dialog>
  );
}

type EditFormProps = { server: McpServer; pending: boolean; error: unknown; onSubmit: (input: UpdateMcpServerInput) => void; onCancel: () => void };

function EditForm({ server, pending, error, onSubmit, onCancel }: EditFormProps) {
  const replaceId = useId();
  const [name, setName] = useState(server.name);
  const [url, setUrl] = useState(server.url);
  const [timeout, setTimeoutSeconds] = useState(timeoutSecondsText(server.timeoutMs));
  const [replacing, setReplacing] = useState(false);
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [checked, setChecked] = useState<{ timeout: string | null; rows: Map<number, string> } | null>(null);

  const problem = error instanceof ApiError ? error : null;
  const nameError = problem?.fieldMessage("name") ?? (problem?.status === 409 ? problem.detail : null);
  const urlError = problem?.fieldMessage("url") ?? null;
  const apiTimeoutError = problem?.fieldMessage("timeoutMs") ?? null;
  const apiHeaders = headerProblems(problem, rows);
  const fieldShown = Boolean(nameError || urlError || apiTimeoutError || apiHeaders.setError || apiHeaders.rowErrors.size);
  const formError = error && !fieldShown ? errorMessage(error) : null;
  const rowErrors = new Map([...apiHeaders.rowErrors, ...(checked?.rows ?? [])]);

  function toggleReplacing(on: boolean) {
    setReplacing(on);
    // Start the new set with one empty row to type into.
    if (on && rows.length === 0) setRows([newHeaderRow()]);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const timeoutCheck = checkTimeoutSeconds(timeout);
    const headersCheck = replacing ? checkHeaderRows(rows) : null;
    setChecked({ timeout: timeoutCheck.error, rows: headersCheck?.rowErrors ?? new Map() });
    if (timeoutCheck.error || headersCheck?.rowErrors.size) return;
    // Only what changed: an unchanged URL or timeout would reconnect for nothing.
    const input: UpdateMcpServerInput = {};
    if (name.trim() !== server.name) input.name = name.trim();
    if (!server.builtin && url.trim() !== server.url) input.url = url.trim();
    if (timeoutCheck.ms !== server.timeoutMs) input.timeoutMs = timeoutCheck.ms;
    if (!server.builtin && headersCheck) input.headers = headersCheck.headers;
    onSubmit(input);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} autoComplete="off" required error={nameError} />
      {server.builtin ? null : (
        <Field
          label="URL"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          maxLength={2048}
          autoComplete="off"
          spellCheck={false}
          required
          error={urlError}
        />
      )}
      <TimeoutField value={timeout} onChange={setTimeoutSeconds} error={checked?.timeout ?? apiTimeoutError} />
      {server.builtin ? null : (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <div className="text-sm">
            <p className="font-medium text-slate-800">Current headers</p>
            {server.headerNames.length ? (
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Current header names">
                {server.headerNames.map((headerName) => (
                  <li key={headerName} className="rounded bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
                    {headerName}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-500">None</p>
            )}
            <p className="mt-1 text-xs text-slate-500">Values are write-only: they are never shown, only replaced.</p>
          </div>
          <div className="flex items-center gap-2">
            <input
              id={replaceId}
              type="checkbox"
              checked={replacing}
              onChange={(e) => toggleReplacing(e.target.checked)}
              disabled={pending}
              className="h-4 w-4 rounded border-slate-300 text-indigo-600"
            />
            <label htmlFor={replaceId} className="text-sm font-medium text-slate-800">
              Replace headers
            </label>
          </div>
          {replacing ? (
            <HeadersEditor
              legend="New headers"
              hint="These replace every current header. Leave no rows to remove them all."
              rows={rows}
              onChange={setRows}
              rowErrors={rowErrors}
              error={apiHeaders.setError}
              disabled={pending}
            />
          ) : null}
        </div>
      )}
      <FormError message={formError} />
      <FormActions submitLabel="Save changes" pendingLabel="Saving…" spinner pending={pending} onCancel={onCancel} />
    </form>
  );
}
