"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ApiError } from "@/lib/client/api";

export type HeaderRow = { key: number; name: string; value: string };

// RFC 9110 token, as the API checks it.
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

let nextKey = 0;
export const newHeaderRow = (): HeaderRow => ({ key: nextKey++, name: "", value: "" });

export type HeadersCheck = { headers: Record<string, string>; rowErrors: Map<number, string> };

/**
 * The headers to send, and a message per row the API would refuse anyway.
 * A row left entirely blank is ignored, so an extra Add header click costs nothing.
 */
export function checkHeaderRows(rows: HeaderRow[]): HeadersCheck {
  const headers: Record<string, string> = {};
  const rowErrors = new Map<number, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!name) rowErrors.set(row.key, "Enter the header's name");
    else if (!HEADER_NAME.test(name)) rowErrors.set(row.key, "Header names are letters, digits and - (no spaces)");
    else if (seen.has(name.toLowerCase())) rowErrors.set(row.key, `“${name}” is already set above`);
    else if (/[\r\n]/.test(row.value)) rowErrors.set(row.key, "Header values cannot contain line breaks");
    else {
      seen.add(name.toLowerCase());
      headers[name] = row.value;
    }
  }
  return { headers, rowErrors };
}

/**
 * The API's complaints about headers: `headers.<Name>` for one header (an
 * invalid key only says "Invalid key in record", so that one is reworded),
 * `headers` for the set.
 */
export function headerProblems(problem: ApiError | null, rows: HeaderRow[]): { rowErrors: Map<number, string>; setError: string | null } {
  const rowErrors = new Map<number, string>();
  let setError: string | null = null;
  for (const { field, message } of problem?.fields ?? []) {
    if (field === "headers") setError = message;
    else if (field.startsWith("headers.")) {
      const name = field.slice("headers.".length);
      const row = rows.find((r) => r.name.trim() === name);
      const text = message === "Invalid key in record" ? `“${name}” cannot be used: the gateway sets this header itself` : message;
      if (row) rowErrors.set(row.key, text);
      else setError = text;
    }
  }
  return { rowErrors, setError };
}

type HeadersEditorProps = {
  legend: string;
  hint?: React.ReactNode;
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  rowErrors?: Map<number, string>;
  error?: string | null;
  disabled?: boolean;
};

/**
 * Rows of header name and value. Values are typed into password inputs: they
 * are usually API keys, and the API never shows them again.
 */
export function HeadersEditor({ legend, hint, rows, onChange, rowErrors, error, disabled = false }: HeadersEditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  // The row just added takes the focus; rows that were there on opening do not.
  const [focusKey, setFocusKey] = useState<number | null>(null);

  function update(key: number, patch: Partial<HeaderRow>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }
  function add() {
    const row = newHeaderRow();
    setFocusKey(row.key);
    onChange([...rows, row]);
  }
  function remove(key: number) {
    onChange(rows.filter((row) => row.key !== key));
    // The removed row's button is gone; keep the focus in the editor.
    addButton.current?.focus();
  }

  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <div className="-mt-1 text-xs text-slate-500">{hint}</div> : null}
      {rows.map((row, index) => (
        <div key={row.key} role="group" aria-label={`Header ${index + 1}`} className="rounded-md border border-slate-200 p-3">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field
              label="Header name"
              value={row.name}
              onChange={(e) => update(row.key, { name: e.target.value })}
              placeholder="Authorization"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              autoFocus={row.key === focusKey}
              error={rowErrors?.get(row.key) ?? null}
            />
            <Field
              label="Header value"
              type="password"
              value={row.value}
              onChange={(e) => update(row.key, { value: e.target.value })}
              autoComplete="new-password"
              spellCheck={false}
              maxLength={4096}
            />
          </div>
          <div className="mt-2 flex justify-end">
            <Button variant="ghost" size="sm" onClick={() => remove(row.key)}>
              Remove header
            </Button>
          </div>
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <Button ref={addButton} variant="secondary" size="sm" onClick={add}>
        Add header
      </Button>
    </fieldset>
  );
}
