"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { loadedItems, QueryList } from "@/components/ui/query-states";
import { Select } from "@/components/ui/select";
import { EditTokenRateLimitDialog } from "@/components/tokens/edit-token-rate-limit-dialog";
import { NewTokenDialog } from "@/components/tokens/new-token-dialog";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { RollTokenDialog } from "@/components/tokens/roll-token-dialog";
import { TokenPermissionsDialog } from "@/components/tokens/token-permissions-dialog";
import { TOKEN_STATUS_LABELS, TokensTable } from "@/components/tokens/tokens-table";

const FILTER_LABELS: Record<TokenFilter, string> = { ...TOKEN_STATUS_LABELS, expiring: "Expiring soon" };
import { useServiceTokens, type ServiceToken, type TokenFilter, type TokenOwner, type TokenSort } from "@/lib/client/service-tokens";
import { EmptyNotice } from "@/components/ui/empty-state";
import { ListCount } from "@/components/ui/list-count";
import { listUrlCodec, useListUrlState } from "@/lib/client/use-list-url-state";

type TokensPanelProps = {
  org: string;
  owner: TokenOwner;
  /** Names the table for screen readers: "Tokens of deploy-bot". */
  caption: string;
  /** A visible h2 above the list; leave it out where the page's h1 already says "tokens". */
  heading?: string;
  /** Under the New token dialog's title. */
  newTokenDescription: React.ReactNode;
  /** What the empty list says when no filter is set. */
  emptyMessage: string;
};

/** One owner's tokens: filter, list, mint (shown once) and revoke. Used by a service account's page and by Service Tokens. */
const TOKENS_LIST = listUrlCodec({
  status: { allowed: ["active", "expiring", "suspended", "expired", "revoked"] },
  sort: { allowed: ["newest", "oldest", "name", "-name", "expires", "-expires", "lastUsed", "-lastUsed"], default: "newest" },
});

/** The orders the Sort select offers; the column headers reach the others. */
const SORT_LABELS: Partial<Record<TokenSort, string>> = { newest: "Newest first", oldest: "Oldest first", expires: "Soonest expiry first", "-lastUsed": "Recently used first" };

export function TokensPanel({ org, owner, caption, heading, newTokenDescription, emptyMessage }: TokensPanelProps) {
  const headingId = useId();
  // Filter and sort live in the URL (a link from the Overview: ?status=expiring).
  const list = useListUrlState(TOKENS_LIST);
  const status = list.values.status as TokenFilter | "";
  const sort = list.values.sort as TokenSort;
  const [minting, setMinting] = useState(false);
  const [revoking, setRevoking] = useState<ServiceToken | null>(null);
  const [rolling, setRolling] = useState<ServiceToken | null>(null);
  const [editingPermissions, setEditingPermissions] = useState<ServiceToken | null>(null);
  const [editingRateLimit, setEditingRateLimit] = useState<ServiceToken | null>(null);
  // Only org-wide tokens hold their own mode and grants; an account's tokens follow the account.
  const orgWide = "orgWide" in owner;
  const tokens = useServiceTokens(org, owner, status, sort);
  const items = loadedItems(tokens.data);
  const firstPage = tokens.data?.pages[0];

  return (
    <section aria-label={heading ? undefined : "Tokens"} aria-labelledby={heading ? headingId : undefined} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        {heading ? (
          <h2 id={headingId} className="text-lg font-semibold">
            {heading}
          </h2>
        ) : null}
        <div className="ml-auto flex flex-wrap items-end gap-3">
          <div className="w-40">
            <Select label="Token status" value={status} onChange={(e) => list.set("status", e.target.value)}>
              <option value="">All</option>
              {(["active", "expiring", "suspended", "expired", "revoked"] as const).map((value) => (
                <option key={value} value={value}>
                  {FILTER_LABELS[value]}
                </option>
              ))}
            </Select>
          </div>
          <div className="w-44">
            <Select label="Sort tokens" value={sort} onChange={(e) => list.set("sort", e.target.value)}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
              {sort in SORT_LABELS ? null : <option value={sort}>By column</option>}
            </Select>
          </div>
          <Button onClick={() => setMinting(true)}>New token</Button>
        </div>
      </div>
      <QueryList query={tokens} loadingLabel="Loading tokens…" errorTitle="Tokens could not be loaded" isEmpty={items.length === 0}
        empty={
          <EmptyNotice>
            {status === "expiring" ? "No tokens expire soon." : status ? `No ${FILTER_LABELS[status].toLowerCase()} tokens.` : emptyMessage}
          </EmptyNotice>
        }
      >
        <>
          <ListCount page={firstPage} shown={items.length} noun={["token", "tokens"]} />
          <TokensTable caption={caption} tokens={items} sort={sort} onSort={(next) => list.set("sort", next)} onRevoke={setRevoking} onRoll={setRolling} onPermissions={orgWide ? setEditingPermissions : undefined}
            onEditRateLimit={setEditingRateLimit}
          />
        </>
      </QueryList>
      <NewTokenDialog org={org} owner={owner} open={minting} onClose={() => setMinting(false)} description={newTokenDescription} />
      <EditTokenRateLimitDialog org={org} owner={owner} token={editingRateLimit} onClose={() => setEditingRateLimit(null)} />
      <RevokeTokenDialog org={org} owner={owner} token={revoking} onClose={() => setRevoking(null)} />
      <RollTokenDialog org={org} owner={owner} token={rolling} onClose={() => setRolling(null)} />
      {orgWide ? <TokenPermissionsDialog org={org} token={editingPermissions} onClose={() => setEditingPermissions(null)} /> : null}
    </section>
  );
}
