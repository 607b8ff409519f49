"use client";

import { useId } from "react";
import { ACCESS_MODE_LABELS, type AccessMode } from "@/lib/client/permissions";

/** Whose mode it is: the wording differs, the meaning does not. */
export type GranteeKind = "account" | "token";

/** What Full Access gives, said before anyone gives it. */
export function fullAccessWarning(kind: GranteeKind): string {
  return kind === "account"
    ? "This account gets Write on every MCP server and toolset of the organization, including ones added later. Its tokens can call every tool."
    : "This token gets Write on every MCP server and toolset of the organization, including ones added later. It can call every tool.";
}

const DESCRIPTIONS: Record<GranteeKind, Record<AccessMode, string>> = {
  account: {
    RESTRICTED: "Only the toolsets assigned to it and the grants below.",
    FULL_ACCESS: "Write on every MCP server and toolset of the organization, present and future.",
  },
  token: {
    RESTRICTED: "Only the grants below.",
    FULL_ACCESS: "Write on every MCP server and toolset of the organization, present and future.",
  },
};

const MODES: AccessMode[] = ["RESTRICTED", "FULL_ACCESS"];

type AccessModeRadiosProps = {
  kind: GranteeKind;
  value: AccessMode;
  /** Called with the mode the person picked; the parent decides whether it takes (Full Access may ask first). */
  onChange: (mode: AccessMode) => void;
  disabled?: boolean;
};

/**
 * The "Access mode" radio group: native radios, so arrow keys move between
 * them. Each radio is named by its title alone and described by its line of
 * explanation.
 */
export function AccessModeRadios({ kind, value, onChange, disabled = false }: AccessModeRadiosProps) {
  const id = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} disabled={disabled} className="space-y-2">
      <legend id={`${id}-legend`} className="text-sm font-medium text-slate-800">
        Access mode
      </legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {MODES.map((mode) => {
          const checked = value === mode;
          return (
            <label
              key={mode}
              className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${
                checked ? (mode === "FULL_ACCESS" ? "border-amber-400 bg-amber-50" : "border-indigo-400 bg-indigo-50") : "border-slate-300 bg-white hover:bg-slate-50"
              }`}
            >
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={checked}
                onChange={() => onChange(mode)}
                aria-labelledby={`${id}-${mode}-title`}
                aria-describedby={`${id}-${mode}-description`}
                className="mt-0.5 h-4 w-4 accent-indigo-600"
              />
              <span>
                <span id={`${id}-${mode}-title`} className="block font-medium text-slate-900">
                  {ACCESS_MODE_LABELS[mode]}
                </span>
                <span id={`${id}-${mode}-description`} className="block text-xs text-slate-600">
                  {DESCRIPTIONS[kind][mode]}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
