"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmRowDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { QueryList } from "@/components/ui/query-states";
import { Select } from "@/components/ui/select";
import { DataTable } from "@/components/ui/table";
import { ApiError, errorMessage } from "@/lib/client/api";
import { permissionCache } from "@/lib/client/permissions";
import type { ServiceAccount } from "@/lib/client/service-accounts";
import { useAssignToolset, useServiceAccountToolsets, useToolsetPicker, useUnassignToolset, type AssignedToolset } from "@/lib/client/toolsets";
import { EmptyNotice } from "@/components/ui/empty-state";
import { FormActions } from "@/components/ui/form-actions";

/** The toolsets assigned to one service account: what its bots can see and call. */
export function ServiceAccountToolsetsPanel({ org, account }: { org: string; account: ServiceAccount }) {
  const headingId = useId();
  const [assigning, setAssigning] = useState(false);
  const toolsets = useServiceAccountToolsets(org, account.id);
  const unassign = useUnassignToolset(org);
  const [unassigning, setUnassigning] = useState<AssignedToolset | null>(null);
  const queryClient = useQueryClient();
  const items = toolsets.data?.items ?? [];
  // Assigning and unassigning change what the account can use over MCP, shown further down the page.
  const refreshEffectiveAccess = () => permissionCache.effectiveAccessChanged(queryClient, org, { serviceAccountId: account.id });

  function remove(toolset: AssignedToolset) {
    unassign.mutate(
      { toolsetId: toolset.id, assignmentId: toolset.assignmentId, serviceAccountId: account.id },
      {
        onSuccess: () => {
          void refreshEffectiveAccess();
          toast.success(`${toolset.name} was unassigned from ${account.name}`);
        },
        onError: (error) => toast.error(`Could not unassign ${toolset.name}`, { description: errorMessage(error) }),
        onSettled: () => setUnassigning(null),
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id={headingId} className="text-lg font-semibold">
          Toolsets
        </h2>
        <Button onClick={() => setAssigning(true)}>Assign toolset</Button>
      </div>
      <QueryList query={toolsets} loadingLabel="Loading toolsets…" errorTitle="Toolsets could not be loaded" isEmpty={items.length === 0}
        empty={
          <EmptyNotice>
            No toolsets assigned. Assign one with Assign toolset to let its bots use that toolset&apos;s tools.
          </EmptyNotice>
        }
      >
        <DataTable
          caption={`Toolsets assigned to ${account.name}`}
          rows={items}
          rowKey={(toolset) => toolset.assignmentId}
          columns={[
            {
              header: "Name",
              cell: (toolset) => (
                <>
                  <Link href={`/${org}/toolsets/${toolset.id}`} className="font-medium text-indigo-700 hover:underline">
                    {toolset.name}
                  </Link>
                  {toolset.description ? <span className="block max-w-xl truncate text-xs text-slate-500">{toolset.description}</span> : null}
                </>
              ),
            },
            { header: "Tools", headerClassName: "text-right", className: "text-right text-slate-700 tabular-nums", cell: (toolset) => toolset.toolCount },
          ]}
          actions={(toolset) => {
            const pending = unassign.isPending && unassign.variables?.assignmentId === toolset.assignmentId;
            return (
              <Button variant="ghost" size="sm" aria-label={`Unassign ${toolset.name}`} disabled={pending} onClick={() => setUnassigning(toolset)}>
                {pending ? "Unassigning…" : "Unassign"}
              </Button>
            );
          }}
        />
      </QueryList>
      <AssignToolsetToAccountDialog
        org={org}
        account={account}
        assigned={items}
        open={assigning}
        onClose={() => setAssigning(false)}
        onAssigned={refreshEffectiveAccess}
      />
      <ConfirmRowDialog
        row={unassigning}
        title={(unassigning) => `Unassign ${unassigning.name} from ${account.name}?`}
        confirmLabel="Unassign"
        pendingLabel="Unassigning…"
        pending={unassign.isPending}
        onConfirm={remove}
        onClose={() => setUnassigning(null)}
      >
        {(unassigning) => <p>{`${account.name} loses the tools of ${unassigning.name} from its next request, unless a grant gives them. You can assign it again at any time.`}</p>}
      </ConfirmRowDialog>
    </section>
  );
}

type DialogProps = { org: string; account: ServiceAccount; assigned: AssignedToolset[]; open: boolean; onClose: () => void; onAssigned: () => void };

function AssignToolsetToAccountDialog({ org, account, assigned, open, onClose, onAssigned }: DialogProps) {
  const assign = useAssignToolset(org);
  const close = () => {
    assign.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={assign.isPending ? () => {} : close} title="Assign toolset" description={`Give ${account.name} the tools of a toolset.`}>
      <AssignForm
        org={org}
        assigned={assigned}
        pending={assign.isPending}
        error={assign.error}
        onCancel={close}
        onSubmit={(toolset) =>
          assign.mutate(
            { toolsetId: toolset.id, target: { serviceAccountId: account.id } },
            {
              onSuccess: () => {
                onAssigned();
                toast.success(`${toolset.name} assigned to ${account.name}`);
                close();
              },
              onError: (error) => toast.error(`Could not assign ${toolset.name}`, { description: errorMessage(error) }),
            },
          )
        }
      />
    </Dialog>
  );
}

type FormProps = {
  org: string;
  assigned: AssignedToolset[];
  pending: boolean;
  error: unknown;
  onSubmit: (toolset: { id: string; name: string }) => void;
  onCancel: () => void;
};

function AssignForm({ org, assigned, pending, error, onSubmit, onCancel }: FormProps) {
  const picker = useToolsetPicker(org);
  const [toolsetId, setToolsetId] = useState("");
  const have = new Set(assigned.map((t) => t.id));
  const candidates = (picker.data?.items ?? []).filter((t) => !have.has(t.id));
  const chosen = candidates.find((t) => t.id === toolsetId) ?? null;
  const placeholder = picker.isPending
    ? "Loading toolsets…"
    : picker.isError
      ? "Toolsets could not be loaded"
      : (picker.data?.items.length ?? 0) === 0
        ? "There are no toolsets yet"
        : candidates.length === 0
          ? "Every toolset is already assigned"
          : "Choose a toolset…";
  const problem = error instanceof ApiError ? error : null;
  const selectError = picker.isError ? errorMessage(picker.error) : problem ? problem.detail : error ? errorMessage(error) : null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen && !pending) onSubmit(chosen);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Select
        label="Toolset"
        value={chosen?.id ?? ""}
        onChange={(e) => setToolsetId(e.target.value)}
        disabled={candidates.length === 0 || pending}
        hint={picker.data?.nextCursor ? "Only the first 100 toolsets are listed." : undefined}
        error={selectError}
      >
        <option value="">{placeholder}</option>
        {candidates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.toolCount === 1 ? "1 tool" : `${t.toolCount} tools`})
          </option>
        ))}
      </Select>
      {(picker.data?.items.length ?? 1) === 0 ? (
        <p className="text-sm text-slate-600">
          <Link href={`/${org}/toolsets`} className="font-medium text-indigo-700 hover:underline">
            Create a toolset
          </Link>{" "}
          first, then assign it here.
        </p>
      ) : null}
      <FormActions submitLabel="Assign" pendingLabel="Assigning…" pending={pending} canSubmit={chosen !== null} onCancel={onCancel} />
    </form>
  );
}
