"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog, DetailPage, EditableHeader, useDeleteAndReturn } from "@/components/ui/detail-page";
import { AddToolsDialog } from "@/components/toolsets/add-tools-dialog";
import { AssignToolsetDialog } from "@/components/toolsets/assign-toolset-dialog";
import { EditToolsetDialog } from "@/components/toolsets/edit-toolset-dialog";
import { ToolsetAssignmentsTable } from "@/components/toolsets/toolset-assignments-table";
import { ToolsetToolsTable } from "@/components/toolsets/toolset-tools-table";
import { useDeleteToolset, useToolset } from "@/lib/client/toolsets";

type Org = { slug: string; name: string };

const NOUN = { singular: "toolset", plural: "toolsets" };

export function ToolsetDetailView({ org, toolsetId }: { org: Org; toolsetId: string }) {
  const listHref = `/${org.slug}/toolsets`;
  const deleteToolset = useDeleteToolset(org.slug, toolsetId);
  const removal = useDeleteAndReturn({ mutation: deleteToolset, noun: NOUN, listHref });
  const toolset = useToolset(org.slug, toolsetId, { enabled: !removal.deleted });
  const [editing, setEditing] = useState(false);
  const [addingTools, setAddingTools] = useState(false);
  const [assigning, setAssigning] = useState(false);

  return (
    <DetailPage query={toolset} noun={NOUN} listHref={listHref} deleted={removal.deleted} className="max-w-6xl">
      {(current) => {
        const assignments = current.assignments.length;
        return (
          <>
            <EditableHeader name={current.name} description={current.description} deleteLabel="Delete toolset" onEdit={() => setEditing(true)} onDelete={() => removal.setConfirming(true)} />
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
            <ConfirmDeleteDialog removal={removal} name={current.name} confirmLabel="Delete toolset">
              <p>
                {assignments === 0
                  ? "It is not assigned to anyone."
                  : `Its ${assignments === 1 ? "assignment ends" : `${assignments} assignments end`}: whoever had its tools through it loses them from the next request.`}{" "}
                The tools stay in the catalog. This cannot be undone.
              </p>
            </ConfirmDeleteDialog>
          </>
        );
      }}
    </DetailPage>
  );
}
