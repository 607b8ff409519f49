"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmRowMutationDialog } from "@/components/ui/confirm-dialog";
import { CodeField, Field } from "@/components/ui/field";
import { QueryList } from "@/components/ui/query-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable } from "@/components/ui/table";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useSubmission } from "@/lib/client/use-submission";
import { useAddNetworkRule, useNetworkRules, useRemoveNetworkRule, type NetworkLayer, type NetworkRule } from "@/lib/client/network";

type NetworkRulesPanelProps = {
  org: string;
  layer: NetworkLayer;
  /** Names the table for screen readers: "Organization allowlist". */
  caption: string;
  /** What the empty list says: that this layer restricts nothing. */
  emptyMessage: string;
};

/** One allowlist layer: its entries, Remove (after a confirmation) and the Add entry form. */
export function NetworkRulesPanel({ org, layer, caption, emptyMessage }: NetworkRulesPanelProps) {
  const rules = useNetworkRules(org, layer);
  const [removing, setRemoving] = useState<NetworkRule | null>(null);
  const items = rules.data?.items ?? [];

  return (
    <div className="space-y-4">
      <QueryList query={rules} loadingLabel="Loading entries…" errorTitle="The allowlist could not be loaded" isEmpty={items.length === 0}
        empty={
          <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
            {emptyMessage}
          </p>
        }
      >
        <DataTable
          caption={caption}
          rows={items}
          rowKey={(rule) => rule.id}
          columns={[
            { header: "CIDR block", className: "font-mono whitespace-nowrap text-slate-900", cell: (rule) => rule.cidr },
            { header: "Label", className: "text-slate-700", cell: (rule) => rule.label || <span className="text-slate-500">No label</span> },
            { header: "Added", className: "whitespace-nowrap text-slate-700", cell: (rule) => <RelativeTime iso={rule.createdAt} /> },
          ]}
          actions={(rule) => (
            <Button variant="ghost" size="sm" aria-label={`Remove ${rule.cidr}`} onClick={() => setRemoving(rule)}>
              Remove
            </Button>
          )}
        />
      </QueryList>
      <AddNetworkRuleForm org={org} layer={layer} />
      <RemoveNetworkRuleDialog org={org} layer={layer} rule={removing} lastEntry={items.length === 1} onClose={() => setRemoving(null)} />
    </div>
  );
}

function AddNetworkRuleForm({ org, layer }: { org: string; layer: NetworkLayer }) {
  const add = useAddNetworkRule(org, layer);
  const submission = useSubmission();
  const cidrId = useId();
  const focusCidr = () => document.getElementById(cidrId)?.focus();
  const [cidr, setCidr] = useState("");
  const [label, setLabel] = useState("");
  const error = add.error instanceof ApiError ? add.error : null;
  // A duplicate (409) names no field, but it is about the block: show it there.
  const cidrError = error?.fieldMessage("cidr") ?? (error?.status === 409 ? error.detail : null);
  const labelError = error?.fieldMessage("label") ?? null;
  const formError = add.error && !cidrError && !labelError ? errorMessage(add.error) : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = cidr.trim();
    const idempotencyKey = submission.start();
    if (!idempotencyKey) return;
    add.mutate(
      { cidr: typed, label: label.trim(), idempotencyKey },
      {
        onSuccess: (rule) => {
          submission.succeeded();
          setCidr("");
          setLabel("");
          // Say when the API rewrote the block, so nobody wonders where their host bits went.
          toast.success(`Added ${rule.cidr}`, rule.cidr !== typed ? { description: `${typed} is saved as ${rule.cidr}.` } : undefined);
          focusCidr();
        },
        onError: () => {
          submission.failed();
          focusCidr();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_auto] sm:items-start">
        <CodeField
          id={cidrId}
          label="CIDR block"
          name="cidr"
          required
          value={cidr}
          onChange={(e) => setCidr(e.target.value)}
          placeholder="203.0.113.0/24"
          maxLength={64}
          hint="IPv4 or IPv6, e.g. 203.0.113.0/24 or 2001:db8::/32. A single address is fine too."
          error={cidrError}
        />
        <Field
          label="Label"
          name="label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="Office"
          autoComplete="off"
          maxLength={100}
          hint="Optional. Where the addresses are, e.g. “CI runners”."
          error={labelError}
        />
        <Button type="submit" disabled={add.isPending} className="sm:mt-6">
          {add.isPending ? "Adding…" : "Add entry"}
        </Button>
      </div>
      {formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

type RemoveDialogProps = { org: string; layer: NetworkLayer; rule: NetworkRule | null; lastEntry: boolean; onClose: () => void };

function RemoveNetworkRuleDialog({ org, layer, rule, lastEntry, onClose }: RemoveDialogProps) {
  const remove = useRemoveNetworkRule(org, layer);
  return (
    <ConfirmRowMutationDialog
      row={rule}
      title={() => "Remove entry?"}
      confirmLabel="Remove entry"
      pendingLabel="Removing…"
      mutation={remove}
      variables={(rule) => ({ ruleId: rule.id })}
      succeeded={(rule) => `Removed ${rule.cidr}`}
      failed={(rule) => `Could not remove ${rule.cidr}`}
      onClose={onClose}
    >
      {(rule) => (
        <>
          <p>
            <code className="font-mono">{rule.cidr}</code>
            {rule.label ? <> ({rule.label})</> : null} is removed from the very next request.
          </p>
          <p>
            {lastEntry
              ? "It is the last entry: this layer will then restrict nothing, and token calls are allowed from any address it used to block."
              : "Token calls from those addresses are denied with 403 unless another entry covers them."}
          </p>
        </>
      )}
    </ConfirmRowMutationDialog>
  );
}
