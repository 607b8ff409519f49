"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { queryString } from "@/lib/client/api";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

type Values = Record<string, string>;

/** How a list's state reads from and writes to the query string. */
export type ListUrlCodec<T extends Values> = {
  empty: T;
  /** Fields typed into a box: debounced, and written without a history entry per pause. */
  typed: readonly (keyof T & string)[];
  fromSearch: (search: URLSearchParams) => T;
  toSearch: (values: T) => string;
};

type FieldSpec = { typed?: boolean; allowed?: readonly string[]; default?: string };

/**
 * A codec from field specs: a typed field is any text, a chosen one one of
 * `allowed` (anything else reads as its default), and a field at its default
 * stays out of the URL.
 */
export function listUrlCodec<const Spec extends Record<string, FieldSpec>>(spec: Spec): ListUrlCodec<{ [K in keyof Spec]: string }> {
  type T = { [K in keyof Spec]: string };
  const names = Object.keys(spec) as (keyof Spec & string)[];
  const fallback = (name: keyof Spec) => spec[name]?.default ?? "";
  const empty = Object.fromEntries(names.map((name) => [name, fallback(name)])) as T;
  return {
    empty,
    typed: names.filter((name) => spec[name]?.typed),
    fromSearch: (search) =>
      Object.fromEntries(
        names.map((name) => {
          const value = search.get(name)?.trim() ?? "";
          const allowed = spec[name]?.allowed;
          return [name, allowed && !allowed.includes(value) ? fallback(name) : value || fallback(name)];
        }),
      ) as T,
    toSearch: (values) => queryString(Object.fromEntries(names.map((name) => [name, values[name] === fallback(name) ? "" : values[name]]))),
  };
}

/**
 * A list's filters, search and sort kept in the query string, so a view can be
 * shared or reloaded and the back button undoes a choice: what the inputs hold
 * (`draft`) and what to ask the API (`values`, the typed fields debounced so a
 * search runs once per pause in typing). A choice (a select, a column header)
 * adds a history entry; typing replaces the current one.
 */
export function useListUrlState<T extends Values>(codec: ListUrlCodec<T>) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [draft, setDraft] = useState<T>(() => codec.fromSearch(new URLSearchParams(searchParams.toString())));
  const debounced = useDebouncedValue(JSON.stringify(codec.typed.map((name) => draft[name].trim())));
  const settled = JSON.parse(debounced) as string[];
  const values = { ...draft, ...Object.fromEntries(codec.typed.map((name, i) => [name, settled[i] ?? ""])) } as T;
  const search = codec.toSearch(values);

  // The query string this hook last wrote; any other one came from outside
  // (a link, back/forward) and resets the inputs to it.
  const written = useRef(search);
  const push = useRef(false);
  const urlSearch = searchParams.toString() ? `?${searchParams.toString()}` : "";
  useEffect(() => {
    if (urlSearch === written.current) return;
    written.current = urlSearch;
    setDraft(codec.fromSearch(new URLSearchParams(urlSearch)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the codec is fixed for a page
  }, [urlSearch]);

  useEffect(() => {
    // history.pushState/replaceState, not the router: no server round trip, and Next keeps useSearchParams in step.
    written.current = search;
    if (window.location.search !== search) window.history[push.current ? "pushState" : "replaceState"](null, "", `${pathname}${search}`);
    push.current = false;
  }, [pathname, search]);

  // A choice (a select, a sort header) that changes something is a history entry; typing replaces the current one.
  const set = <K extends keyof T & string>(name: K, value: T[K]) => {
    if (draft[name] === value) return;
    if (!codec.typed.includes(name)) push.current = true;
    setDraft((current) => ({ ...current, [name]: value }));
  };
  const filtered = (Object.keys(codec.empty) as (keyof T & string)[]).some((name) => name !== "sort" && draft[name].trim() !== codec.empty[name]);
  return {
    draft,
    values,
    /** Whether a filter or search is set, typed or not yet applied (the sort is no filter). */
    filtered,
    set,
    clear: () => {
      if (!filtered) return;
      push.current = true;
      setDraft((current) => ({ ...codec.empty, ...("sort" in current ? { sort: current.sort } : {}) }));
    },
  };
}

/** Most lists: a search box and a sort (name or age; "" is the list's default). */
export const nameAgeListCodec = listUrlCodec({ search: { typed: true }, sort: { allowed: ["newest", "oldest", "name", "-name"], default: "oldest" } });
