"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import type { GranteeKind } from "@/components/permissions/access-mode-radios";
import { errorMessage } from "@/lib/client/api";
import {
  LEVEL_LABELS,
  RESOURCE_TYPE_LABELS,
  resourceKey,
  useSetGrants,
  type AccessMode,
  type Grantee,
  type Level,
  type PermissionResource,
  type ResourceType,
} from "@/lib/client/permissions";

const LEVELS: Level[] = ["NONE", "READ", "WRITE"];

type ResourcePermissionsProps = {
  org: string;
  grantee: Grantee;
  kind: GranteeKind;
  /** Names the table for screen readers: "Permissions of deploy-bot". */
  granteeName: string;
  accessMode: AccessMode;
  resources: PermissionResource[];
};

/**
 * Every server and toolset with the grantee's level: one select per row that
 * saves at once, and a bulk set for the checked rows that are shown. Checked
 * rows hidden by a filter are left alone, so what changes is what you see.
 */
export function ResourcePermissions({ org, grantee, kind, granteeName, accessMode, resources }: ResourcePermissionsProps) {
  const setGrants = useSetGrants(org, grantee);
  const [type, setType] = useState<ResourceType | "">("");
  const [search, setSearch] = useState("");
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulkLevel, setBulkLevel] = useState<Level>("READ");

  const needle = search.trim().toLowerCase();
  const shown = resources.filter(
    (r) => (!type || r.resourceType === type) && (!needle || r.name.toLowerCase().includes(needle) || r.detail.toLowerCase().includes(needle)),
  );
  const selected = shown.filter((r) => checked.has(resourceKey(r)));

  async function saveOne(resource: PermissionResource, level: Level) {
    try {
      await setGrants.mutateAsync({ grants: [{ resourceType: resource.resourceType, resourceId: resource.resourceId, level }] });
      toast.success(`Access to ${resource.name} set to ${LEVEL_LABELS[level]}`);
    } catch (error) {
      toast.error(`Could not change access to ${resource.name}`, { description: errorMessage(error) });
    }
  }

  async function applyToSelected() {
    if (selected.length === 0) return;
    const grants = selected.map((r) => ({ resourceType: r.resourceType, resourceId: r.resourceId, level: bulkLevel }));
    try {
      await setGrants.mutateAsync({ grants });
      toast.success(`Access set to ${LEVEL_LABELS[bulkLevel]} on ${grants.length === 1 ? "1 resource" : `${grants.length} resources`}`);
      setChecked(new Set());
    } catch (error) {
      toast.error("Could not change access to the selected resources", { description: errorMessage(error) });
    }
  }

  function toggle(keys: string[], on: boolean) {
    setChecked((previous) => {
      const next = new Set(previous);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }

  const bulkPending = setGrants.isPending && (setGrants.variables?.grants.length ?? 0) > 1;

  return (
    <div className="space-y-3">
      {accessMode === "FULL_ACCESS" ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Full Access is on, so these grants are superseded: {kind === "account" ? "the account" : "the token"} has Write on everything. They
          are kept, can still be edited, and apply again if you switch back to Restricted.
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <Select label="Type" value={type} onChange={(e) => setType(e.target.value as ResourceType | "")}>
            <option value="">All</option>
            <option value="MCP_SERVER">MCP servers</option>
            <option value="TOOLSET">Toolsets</option>
          </Select>
        </div>
        <div className="w-56">
          <Field label="Search resources" type="search" placeholder="Name" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3 rounded-md border border-slate-200 bg-white px-3 py-2">
        <p aria-live="polite" className="self-center text-sm text-slate-600">
          {selected.length === 0 ? "Check rows to set several at once." : `${selected.length} selected`}
        </p>
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-32">
            <Select label="Set selected to" value={bulkLevel} onChange={(e) => setBulkLevel(e.target.value as Level)}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" onClick={() => void applyToSelected()} disabled={selected.length === 0 || bulkPending}>
            {bulkPending ? "Applying…" : "Apply to selected"}
          </Button>
        </div>
      </div>
      {resources.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          This organization has no MCP servers or toolsets yet.
        </p>
      ) : shown.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          No resources match these filters.
        </p>
      ) : (
        <Table stickyActions caption={`Permissions of ${granteeName}`}>
          <thead className="bg-slate-50">
            <tr>
              <Th className="w-10">
                <SelectAllCheckbox
                  count={selected.length}
                  total={shown.length}
                  onChange={(on) =>
                    toggle(
                      shown.map((r) => resourceKey(r)),
                      on,
                    )
                  }
                />
              </Th>
              <Th>Resource</Th>
              <Th>Type</Th>
              <Th className="w-36">Access</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((resource) => (
              <ResourceRow
                key={resourceKey(resource)}
                org={org}
                resource={resource}
                checked={checked.has(resourceKey(resource))}
                onCheck={(on) => toggle([resourceKey(resource)], on)}
                saving={setGrants.isPending}
                onLevel={(level) => saveOne(resource, level)}
              />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

type ResourceRowProps = {
  org: string;
  resource: PermissionResource;
  checked: boolean;
  onCheck: (on: boolean) => void;
  saving: boolean;
  onLevel: (level: Level) => Promise<void>;
};

/** The level select is a draft: nothing changes until Save (an arrow key in a select must not grant anything). */
function ResourceRow({ org, resource, checked, onCheck, saving, onLevel }: ResourceRowProps) {
  const typeId = useId();
  const [draft, setDraft] = useState<Level>(resource.level);
  // A saved change starts a fresh draft; adjusted while rendering, not in an effect.
  const [saved, setSaved] = useState<Level>(resource.level);
  if (saved !== resource.level) {
    setSaved(resource.level);
    setDraft(resource.level);
  }
  const changed = draft !== resource.level;
  const href = resource.resourceType === "MCP_SERVER" ? `/${org}/mcp-servers/${resource.resourceId}` : `/${org}/toolsets/${resource.resourceId}`;
  return (
    <tr className={checked ? "bg-indigo-50/50" : undefined}>
      <Td>
        {/* A server and a toolset may share a name: the type, read after the name, tells them apart. */}
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onCheck(e.target.checked)}
          aria-label={`Select ${resource.name}`}
          aria-describedby={typeId}
          className="h-4 w-4 accent-indigo-600"
        />
      </Td>
      <Td>
        <Link href={href} className="font-medium text-indigo-700 hover:underline">
          {resource.name}
        </Link>
        <span className={`block text-xs text-slate-500 ${resource.resourceType === "MCP_SERVER" ? "font-mono" : ""}`}>{resource.detail}</span>
      </Td>
      <Td className="whitespace-nowrap text-slate-700">
        <span id={typeId}>{RESOURCE_TYPE_LABELS[resource.resourceType]}</span>
      </Td>
      <Td>
        <Select
          label={`Access to ${resource.name}`}
          hideLabel
          aria-describedby={typeId}
          value={draft}
          onChange={(e) => setDraft(e.target.value as Level)}
          className={draft === "NONE" ? "text-slate-500" : "font-medium text-slate-900"}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </Select>
        {changed ? (
          <div className="mt-1 flex gap-1">
            <Button size="sm" aria-label={`Save access to ${resource.name}`} disabled={saving} onClick={() => void onLevel(draft)}>
              Save
            </Button>
            <Button variant="ghost" size="sm" aria-label={`Cancel the change to ${resource.name}`} disabled={saving} onClick={() => setDraft(resource.level)}>
              Cancel
            </Button>
          </div>
        ) : null}
      </Td>
    </tr>
  );
}

/** Checks or clears every row shown; mixed when only some are. */
function SelectAllCheckbox({ count, total, onChange }: { count: number; total: number; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const all = total > 0 && count === total;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < total;
  }, [count, total]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      onChange={() => onChange(!all)}
      aria-label="Select all shown resources"
      className="h-4 w-4 accent-indigo-600"
    />
  );
}
