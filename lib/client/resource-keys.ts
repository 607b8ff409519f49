import type { InvalidateQueryFilters, QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * The query keys of one resource of an organization, all under
 * ["orgs", org, resource]: lists under "list" (with what filters them), one
 * thing under "detail", so a mutation invalidates every list with one prefix
 * and drops one thing (and whatever is keyed under it) with another.
 */
export function resourceKeys<ListParams>(resource: string) {
  const all = (org: string) => ["orgs", org, resource] as const;
  const lists = (org: string) => [...all(org), "list"] as const;
  const details = (org: string) => [...all(org), "detail"] as const;
  return {
    all,
    lists,
    list: (org: string, params: ListParams) => [...lists(org), params] as const,
    details,
    detail: (org: string, id: string) => [...details(org), id] as const,
  };
}

type ResourceKeys = { lists: (org: string) => readonly unknown[]; detail: (org: string, id: string) => readonly unknown[] };

/**
 * What a change to one thing of a resource makes stale, in one place: every
 * list of its kind. A deleted thing's entry is dropped rather than refetched
 * into a 404 (with what is keyed under it, unless `exact`); a PATCH answer
 * without the detail's nested lists is merged into the cached detail.
 */
export const resourceCache = {
  /**
   * Every query under each key goes stale (the mounted ones refetch); null is
   * nothing. The one call through which the resources' cache maps (each
   * `<resource>Cache` beside its keys) invalidate.
   */
  stale: (queryClient: QueryClient, ...keys: (QueryKey | null)[]) =>
    Promise.all(keys.flatMap((queryKey) => (queryKey ? [queryClient.invalidateQueries({ queryKey })] : []))),
  /** The queries under a prefix that the predicate picks, when the prefix alone would take too many. */
  staleWhere: (queryClient: QueryClient, filters: Required<Pick<InvalidateQueryFilters, "queryKey" | "predicate">>) => queryClient.invalidateQueries(filters),
  listsChanged: (queryClient: QueryClient, keys: ResourceKeys, org: string) => resourceCache.stale(queryClient, keys.lists(org)),
  /** One thing changed in what only its detail shows (its members, tools, assignments) and in its list row (their count). */
  changed: (queryClient: QueryClient, keys: ResourceKeys, org: string, id: string) => resourceCache.stale(queryClient, keys.detail(org, id), keys.lists(org)),
  deleted(queryClient: QueryClient, keys: ResourceKeys, org: string, id: string, { exact = true }: { exact?: boolean } = {}) {
    queryClient.removeQueries({ queryKey: keys.detail(org, id), exact });
    return resourceCache.listsChanged(queryClient, keys, org);
  },
  patched<Detail extends object>(queryClient: QueryClient, keys: ResourceKeys, org: string, id: string, patch: Partial<Detail>) {
    queryClient.setQueryData<Detail>(keys.detail(org, id), (old) => old && { ...old, ...patch });
    return resourceCache.listsChanged(queryClient, keys, org);
  },
};
