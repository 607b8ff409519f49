"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useServiceAccount, useServiceAccounts } from "@/lib/client/service-accounts";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { loadedItems } from "@/components/ui/query-states";

type Props = {
  org: string;
  value: string;
  onChange: (id: string) => void;
  /** The option for no account ("Any", "None", "All callers"). */
  noneLabel: string;
  label?: string;
  name?: string;
  hint?: string;
};

/**
 * Picks one of the organization's service accounts. A native select lists a
 * page of them; when there are more than fit, a search field narrows the list
 * through the API, so every account can be reached however many there are.
 * The chosen account stays an option even when the list does not hold it.
 */
export function ServiceAccountSelect({ org, value, onChange, noneLabel, label = "Service account", name, hint }: Props) {
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim());
  const accounts = useServiceAccounts(org, { search: term, status: "" });
  const items = loadedItems(accounts.data);
  const listed = items.some((account) => account.id === value);
  const chosen = useServiceAccount(org, value, { enabled: Boolean(value) && !listed && !accounts.isPlaceholderData });
  const searchable = term !== "" || accounts.hasNextPage;

  return (
    <div className="space-y-2">
      {searchable ? (
        <Field
          label={`Find a ${label.toLowerCase()}`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Part of the name"
          hint={accounts.hasNextPage ? `Showing the first ${items.length}; type to narrow.` : `${items.length} matching`}
          autoComplete="off"
        />
      ) : null}
      <Select
        label={label}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={accounts.isError ? "Service accounts could not be loaded." : hint}
      >
        <option value="">{noneLabel}</option>
        {value && !listed ? <option value={value}>{chosen.data?.name ?? value}</option> : null}
        {items.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
