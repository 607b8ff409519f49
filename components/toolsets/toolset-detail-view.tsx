"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { AddToolsDialog } from "@/components/toolsets/add-tools-dialog";
import { AssignToolsetDialog } from "@/components/toolsets/assign-toolset-dialog";
import { EditToolsetDialog } from "@/components/toolsets/edit-toolset-dialog";
import { ToolsetAssignmentsTable } from "@/components/toolsets/toolset-assignments-table";
import { ToolsetToolsTable } from "@/components/toolsets/toolset-tools-table";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useDeleteToolset, useToolset } from "@/lib/client/toolsets";

type Org = { slug: string; name: string };

export function ToolsetDetailView({ org, toolsetId }: { org: Org; toolsetId: string }) {
  const router = useRouter();
  const [deleted, setDeleted] = useState(false);
  const [editing, setEditing] = useState(false);
  const [addingTools, setAddingTools] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const toolset = useToolset(org.slug, toolsetId, { enabled: !deleted });
  const deleteToolset = useDeleteToolset(org.slug, toolsetId);
  const listHref = `/${org.slug}/toolsets`;

  const back = (
    <Link href={listHref} className="mb-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
      ← All toolsets
    </Link>
  );

  if (deleted) return <LoadingState label="Toolset deleted. Returning to the list of toolsets…" />;
  if (toolset.isPending) {
    return (
      <>
        {back}
        <LoadingState label="Loading toolset…" />
      </>
    );
  }
  if (toolset.isError) {
    const notFound = toolset.error instanceof ApiError && toolset.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <div role="alert" className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
            <h1 className="text-xl font-semibold">Toolset not found</h1>
            <p className="mt-2 text-sm text-slate-600">It may have been deleted, or the link is wrong.</p>
          </div>
        ) : (
          <ErrorState title="The toolset could not be loaded" detail={errorMessage(toolset.error)} onRetry={() => toolset.refetch()} />
        )}
      </>
    );
  }

  const current = toolset.data;
  const assignments = current.assignments.length;
  function confirmDelete() {
    deleteToolset.mutate(undefined, {
      onSuccess: () => {
        setDeleted(true);
        toast.success(`Toolset “${current.name}” deleted`);
        router.push(listHref);
      },
      onError: (error) => {
        setConfirmingDelete(false);
        toast.error(`Could not delete ${current.name}`, { description: errorMessage(error) });
      },
    });
  }

  return (
    <div className="max-w-6xl">
      {back}
      <PageHeader
        title={current.name}
        description={current.description || "No description"}
        actions={
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
              Delete toolset
            </Button>
          </>
        }
      />
      <section aria-labelledby="toolset-tools-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="toolset-tools-heading" className="text-lg font-semibold">
            Tools ({current.tools.length})
          </h2>
          <Button onClick={() => setAddingTools(true)}>Add tools</Button>
        </div>
        <ToolsetToolsTable org={org.slug} toolset={current} />
      </section>
      <section aria-labelledby="toolset-assignments-heading" className="mt-10 space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="toolset-assignments-heading" className="text-lg font-semibold">
            Assigned to ({assignments})
          </h2>
          <Button onClick={() => setAssigning(true)}>Assign</Button>
        </div>
        <ToolsetAssignmentsTable org={org.slug} toolset={current} />
      </section>
      <EditToolsetDialog org={org.slug} toolset={current} open={editing} onClose={() => setEditing(false)} />
      <AddToolsDialog org={org.slug} toolset={current} open={addingTools} onClose={() => setAddingTools(false)} />
      <AssignToolsetDialog org={org.slug} toolset={current} open={assigning} onClose={() => setAssigning(false)} />
      <ConfirmDialog
        open={confirmingDelete}
        title={`Delete ${current.name}?`}
        confirmLabel="Delete toolset"
        pendingLabel="Deleting…"
        pending={deleteToolset.isPending}
        onConfirm={confirmDelete}
        onClose={() => setConfirmingDelete(false)}
      >
        <p>
          {assignments === 0
            ? "It is not assigned to anyone."
            : `Its ${assignments === 1 ? "assignment ends" : `${assignments} assignments end`}: whoever had its tools through it loses them from the next request.`}{" "}
          The tools stay in the catalog. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
