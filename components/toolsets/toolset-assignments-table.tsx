"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmRowDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format-date";
import { ASSIGNMENT_KIND_LABELS, useUnassignToolset, type Assignment, type ToolsetDetail } from "@/lib/client/toolsets";

export function ToolsetAssignmentsTable({ org, toolset }: { org: string; toolset: ToolsetDetail }) {
  const unassign = useUnassignToolset(org);
  const [unassigning, setUnassigning] = useState<Assignment | null>(null);

  if (toolset.assignments.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
        Not assigned to anyone yet. Assign it to people, groups or service accounts to give them its tools.
      </p>
    );
  }

  function remove(assignment: Assignment) {
    unassign.mutate(
      {
        toolsetId: toolset.id,
        assignmentId: assignment.id,
        serviceAccountId: assignment.kind === "service_account" ? assignment.target.id : undefined,
      },
      {
        onSuccess: () => toast.success(`${toolset.name} was unassigned from ${assignment.target.name}`),
        onError: (error) => toast.error(`Could not unassign ${toolset.name} from ${assignment.target.name}`, { description: errorMessage(error) }),
        onSettled: () => setUnassigning(null),
      },
    );
  }

  return (
    <>
      <DataTable
        caption={`Who ${toolset.name} is assigned to`}
        rows={toolset.assignments}
        rowKey={(assignment) => assignment.id}
        columns={[
          { header: "Kind", className: "whitespace-nowrap text-slate-700", cell: (assignment) => ASSIGNMENT_KIND_LABELS[assignment.kind] },
          { header: "Name", cell: (assignment) => <TargetName org={org} assignment={assignment} /> },
          { header: "Assigned", className: "whitespace-nowrap text-slate-700", cell: (assignment) => formatDate(assignment.createdAt) },
        ]}
        actions={(assignment) => {
          const pending = unassign.isPending && unassign.variables?.assignmentId === assignment.id;
          return (
            <Button variant="ghost" size="sm" aria-label={`Unassign ${assignment.target.name}`} disabled={pending} onClick={() => setUnassigning(assignment)}>
              {pending ? "Unassigning…" : "Unassign"}
            </Button>
          );
        }}
      />
      <ConfirmRowDialog
        row={unassigning}
        title={(unassigning) => `Unassign ${toolset.name} from ${unassigning.target.name}?`}
        confirmLabel="Unassign"
        pendingLabel="Unassigning…"
        pending={unassign.isPending}
        onConfirm={remove}
        onClose={() => setUnassigning(null)}
      >
        {(unassigning) => <p>{`${unassigning.target.name} loses the tools of ${toolset.name} from the next request, unless another assignment or grant gives them. You can assign it again at any time.`}</p>}
      </ConfirmRowDialog>
    </>
  );
}

/** Groups and service accounts link to their pages; a person shows their email (members have no page of their own). */
function TargetName({ org, assignment }: { org: string; assignment: Assignment }) {
  const { kind, target } = assignment;
  if (kind === "user") {
    return (
      <>
        <span className="font-medium text-slate-900">{target.name}</span>
        {target.email ? <span className="block text-xs text-slate-500">{target.email}</span> : null}
      </>
    );
  }
  const href = kind === "group" ? `/${org}/settings/groups/${target.id}` : `/${org}/service-accounts/${target.id}`;
  return (
    <Link href={href} className="font-medium text-indigo-700 hover:underline">
      {target.name}
    </Link>
  );
}
