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
