"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useAssignmentCandidates } from "@/lib/client/assignment-candidates";
import { useAssignToolset, type AssignmentKind, type AssignToolsetInput, type ToolsetDetail } from "@/lib/client/toolsets";
import { FormActions } from "@/components/ui/form-actions";

type Props = { org: string; toolset: ToolsetDetail; open: boolean; onClose: () => void };

/** Give the toolset to a person, a group or a service account that does not have it yet. */
export function AssignToolsetDialog({ org, toolset, open, onClose }: Props) {
  const assign = useAssignToolset(org);
  const close = () => {
    assign.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={assign.isPending ? () => {} : close} title="Assign toolset" description={`Who gets the tools of ${toolset.name}.`}>
      <AssignForm
        org={org}
        toolset={toolset}
        pending={assign.isPending}
        error={assign.error}
        onCancel={close}
        onSubmit={(target, name) =>
          assign.mutate(
            { toolsetId: toolset.id, target },
            {
              onSuccess: () => {
                toast.success(`${toolset.name} assigned to ${name}`);
                close();
              },
              onError: (error) => toast.error(`Could not assign ${toolset.name} to ${name}`, { description: errorMessage(error) }),
            },
          )
        }
      />
    </Dialog>
  );
}

type Option = { value: string; label: string; name: string; target: AssignToolsetInput };

/** `user:<id>`, `group:<id>`, `service_account:<id>`: one select across the three kinds. */
const optionValue = (kind: AssignmentKind, id: string) => `${kind}:${id}`;

type FormProps = {
  org: string;
  toolset: ToolsetDetail;
  pending: boolean;
  error: unknown;
  onSubmit: (target: AssignToolsetInput, name: string) => void;
  onCancel: () => void;
};

function AssignForm({ org, toolset, pending, error, onSubmit, onCancel }: FormProps) {
  const candidates = useAssignmentCandidates(org);
  const [value, setValue] = useState("");
  const assigned = new Set(toolset.assignments.map((a) => optionValue(a.kind, a.target.id)));
  const fresh = (option: Option) => !assigned.has(option.value);

  const people: Option[] = candidates.members
    .map((m) => ({ value: optionValue("user", m.userId), label: `${m.name} (${m.email})`, name: m.name, target: { userId: m.userId } }))
    .filter(fresh);
  const groups: Option[] = candidates.groups
    .map((g) => ({ value: optionValue("group", g.id), label: g.name, name: g.name, target: { groupId: g.id } }))
    .filter(fresh);
  const accounts: Option[] = candidates.serviceAccounts
    .map((a) => ({
      value: optionValue("service_account", a.id),
      label: a.status === "DISABLED" ? `${a.name} (disabled)` : a.name,
      name: a.name,
      target: { serviceAccountId: a.id },
    }))
    .filter(fresh);
  const all = [...people, ...groups, ...accounts];
  const chosen = all.find((o) => o.value === value) ?? null;

  const placeholder = candidates.isPending
    ? "Loading…"
    : candidates.error
      ? "The list could not be loaded"
      : all.length === 0
        ? "Everyone is already assigned"
        : "Choose who gets it…";
  const problem = error instanceof ApiError ? error : null;
  const selectError = (candidates.error ? errorMessage(candidates.error) : null) ?? (problem ? problem.detail : error ? errorMessage(error) : null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen && !pending) onSubmit(chosen.target, chosen.name);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Select
        label="Assign to"
        value={chosen?.value ?? ""}
        onChange={(e) => setValue(e.target.value)}
        disabled={all.length === 0 || pending}
        hint={candidates.truncated ? "Only the first 100 of each kind are listed." : undefined}
        error={selectError}
      >
        <option value="">{placeholder}</option>
        {[
          { label: "People", options: people },
          { label: "Groups", options: groups },
          { label: "Service accounts", options: accounts },
        ].map(({ label, options }) =>
          options.length ? (
            <optgroup key={label} label={label}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </Select>
      <FormActions submitLabel="Assign" pendingLabel="Assigning…" pending={pending} canSubmit={chosen !== null} onCancel={onCancel} />
    </form>
  );
}
