"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/client/api";
import { LEVEL_LABELS, RESOURCE_TYPE_LABELS, resourceKey, useGrantableResources, type GrantEntry, type Level } from "@/lib/client/permissions";

const LEVELS: Level[] = ["NONE", "READ", "WRITE"];

type GrantsPickerProps = {
  org: string;
  /** Levels by resourceKey; a resource not in the map is None. */
  value: ReadonlyMap<string, GrantEntry>;
  onChange: (next: Map<string, GrantEntry>) => void;
  disabled?: boolean;
};

/** A compact list of the organization's servers and toolsets, each with a level, for a token not created yet. */
export function GrantsPicker({ org, value, onChange, disabled = false }: GrantsPickerProps) {
  const legendId = useId();
  const grantable = useGrantableResources(org);

  function set(entry: GrantEntry) {
    const next = new Map(value);
    if (entry.level === "NONE") next.delete(resourceKey(entry));
    else next.set(resourceKey(entry), entry);
    onChange(next);
  }

  return (
    <fieldset aria-labelledby={legendId} className="space-y-2" disabled={disabled}>
      <legend id={legendId} className="text-sm font-medium text-slate-800">
        Grants <span className="font-normal text-slate-500">(optional)</span>
      </legend>
      <p className="text-xs text-slate-500">Read or Write on particular servers and toolsets. You can change them later with Permissions.</p>
      {grantable.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Loading servers and toolsets…
        </p>
      ) : grantable.error ? (
        <div role="alert" className="flex items-center justify-between gap-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          <span>Servers and toolsets could not be loaded: {errorMessage(grantable.error)}</span>
          <Button variant="secondary" size="sm" onClick={() => void grantable.refetch()}>
            Try again
          </Button>
        </div>
      ) : grantable.resources.length === 0 ? (
        <p className="text-sm text-slate-600">This organization has no MCP servers or toolsets yet.</p>
      ) : (
        <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
          {grantable.resources.map((resource) => {
            const key = resourceKey(resource);
            const typeId = `${legendId}-${key}`;
            const level = value.get(key)?.level ?? "NONE";
            return (
              <li key={key} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className="min-w-0 text-sm">
                  <span className="block truncate font-medium text-slate-900">{resource.name}</span>
                  <span id={typeId} className="block truncate text-xs text-slate-500">
                    {RESOURCE_TYPE_LABELS[resource.resourceType]} · {resource.detail}
                  </span>
                </span>
                <div className="w-28 shrink-0">
                  <Select
                    label={`Access to ${resource.name}`}
                    hideLabel
                    aria-describedby={typeId}
                    value={level}
                    onChange={(e) => set({ resourceType: resource.resourceType, resourceId: resource.resourceId, level: e.target.value as Level })}
                    className="py-1"
                  >
                    {LEVELS.map((option) => (
                      <option key={option} value={option}>
                        {LEVEL_LABELS[option]}
                      </option>
                    ))}
                  </Select>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {grantable.truncated ? <p className="text-xs text-slate-500">Only the first 100 servers and 100 toolsets are listed; grant the rest with Permissions.</p> : null}
    </fieldset>
  );
}
