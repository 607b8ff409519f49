"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

export type Search = { text: string; setText: (text: string) => void; /** The trimmed text once typing pauses: what the list query uses. */ query: string };

/** A list's search box state: what is typed now, and the settled query to fetch. */
export function useSearch(): Search {
  const [text, setText] = useState("");
  const query = useDebouncedValue(text.trim());
  return { text, setText, query };
}

/** The search box above a list. */
export function SearchField({ label, placeholder, search }: { label: string; placeholder: string; search: Search }) {
  return (
    <div className="mb-4 max-w-sm">
      <Field label={label} type="search" placeholder={placeholder} value={search.text} onChange={(e) => search.setText(e.target.value)} />
    </div>
  );
}

/** The search box state of a list kept in the URL (useListUrlState): its `search` field. */
export function searchInUrl(list: { draft: { search: string }; values: { search: string }; set: (name: "search", value: string) => void }): Search {
  return { text: list.draft.search, setText: (text) => list.set("search", text), query: list.values.search };
}
