"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SortableTh, Table, Td, Th, type ColumnSort } from "@/components/ui/table";
import { formatDateTime, formatRelativeTime } from "@/lib/client/format-relative-time";
import { ACCESS_MODE_LABELS } from "@/lib/client/permissions";
import type { ServiceToken, TokenSort, TokenStatus } from "@/lib/client/service-tokens";

export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = { active: "Active", suspended: "Suspended", expired: "Expired", revoked: "Revoked" };
const TOKEN_STATUS_TONES = { active: "indigo", suspended: "neutral", expired: "amber", revoked: "red" } as const satisfies Record<TokenStatus, string>;

type TokensTableProps = {
  caption: string;
  tokens: ServiceToken[];
  onRevoke: (token: ServiceToken) => void;
  /** Pass this to offer Roll on live tokens not rolled yet. */
  onRoll?: (token: ServiceToken) => void;
  /** Org-wide tokens have their own access mode and grants: pass this to show the mode and a Permissions button per row. */
  onPermissions?: (token: ServiceToken) => void;
  /** Pass this to offer Edit limit on active tokens. */
  onEditRateLimit?: (token: ServiceToken) => void;
  /** The list's order ("newest", "-lastUsed" …) and how to change it: Name, Created, Expires and Last used sort. */
  sort: string;
  onSort: (sort: TokenSort) => void;
};

const COLUMN_SORTS = {
  name: { ascending: "name", descending: "-name" },
  created: { ascending: "oldest", descending: "newest", first: "descending" },
  expires: { ascending: "expires", descending: "-expires" },
  lastUsed: { ascending: "lastUsed", descending: "-lastUsed", first: "descending" },
} as const satisfies Record<string, ColumnSort<TokenSort>>;

/** Tokens as lists show them: the prefix, never the token. Only active tokens can be revoked. */
export function TokensTable({ caption, tokens, onRevoke, onRoll, onPermissions, onEditRateLimit, sort, onSort }: TokensTableProps) {
  // Rolled tokens name each other by prefix (both are usually on the same page).
  const prefixes = new Map(tokens.map((t) => [t.id, t.prefix]));
  return (
    <Table stickyActions caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Prefix</Th>
          <SortableTh label="Name" column={COLUMN_SORTS.name} sort={sort} onSort={onSort} />
          <Th>Created by</Th>
          <SortableTh label="Created" column={COLUMN_SORTS.created} sort={sort} onSort={onSort} />
          <SortableTh label="Expires" column={COLUMN_SORTS.expires} sort={sort} onSort={onSort} />
          <SortableTh label="Last used" column={COLUMN_SORTS.lastUsed} sort={sort} onSort={onSort} />
          <Th>Status</Th>
          <Th>Rate limit</Th>
          {onPermissions ? <Th>Access</Th> : null}
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => (
          <TokenRow
            key={token.id}
            token={token}
            onRevoke={() => onRevoke(token)}
            onRoll={onRoll && live(token) && !token.replacedById ? () => onRoll(token) : undefined}
            prefixOf={(id) => prefixes.get(id) ?? null}
            onPermissions={onPermissions && token.orgWide ? () => onPermissions(token) : undefined}
            onEditRateLimit={onEditRateLimit ? () => onEditRateLimit(token) : undefined}
            accessColumn={Boolean(onPermissions)}
          />
        ))}
      </tbody>
    </Table>
  );
}

type TokenRowProps = {
  token: ServiceToken;
  onRevoke: () => void;
  onRoll?: () => void;
  onPermissions?: () => void;
  onEditRateLimit?: () => void;
  accessColumn: boolean;
  prefixOf: (id: string) => string | null;
};

/** Neither revoked nor expired: it works now, or will when its account is enabled. */
const live = (token: ServiceToken) => token.status === "active" || token.status === "suspended";

function TokenRow({ token, onRevoke, onRoll, onPermissions, onEditRateLimit, accessColumn, prefixOf }: TokenRowProps) {
  return (
    <tr>
      <Td className="font-mono whitespace-nowrap text-slate-900">{token.prefix}…</Td>
      <Td className="text-slate-700">
        {token.name || <span className="text-slate-500">Unnamed</span>}
        {token.rolledFromId ? (
          <span className="block text-xs text-slate-500">
            Replaces <span className="font-mono">{prefixOf(token.rolledFromId) ?? "an earlier token"}…</span>
          </span>
        ) : null}
      </Td>
      <Td className="text-slate-700">
        {token.createdBy ? <span title={token.createdBy.email}>{token.createdBy.name}</span> : <span className="text-slate-500">Unknown</span>}
      </Td>
      <Td className="whitespace-nowrap text-slate-700">
        <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
          {formatRelativeTime(token.createdAt)}
        </time>
      </Td>
      <Td className="whitespace-nowrap text-slate-700">
        <MomentCell iso={token.expiresAt} />
        {token.replacedById && live(token) ? (
          <span className="mt-0.5 block">
            <Badge tone="amber">Rolled: stops {formatRelativeTime(token.expiresAt)}</Badge>
            <span className="block text-xs text-slate-500">
              replaced by <span className="font-mono">{prefixOf(token.replacedById) ?? "a newer token"}…</span>
            </span>
          </span>
        ) : token.expiringSoon ? (
          <span className="mt-0.5 block">
            <Badge tone="amber">{expiresInDays(token.expiresAt)}</Badge>
          </span>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap text-slate-700">
        {token.lastUsedAt ? (
          <>
            <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)} className="block">
              {formatRelativeTime(token.lastUsedAt)}
            </time>
            {token.lastUsedIp ? <span className="block font-mono text-xs text-slate-500">from {token.lastUsedIp}</span> : null}
          </>
        ) : (
          <span className="text-slate-500">Never</span>
        )}
      </Td>
      <Td className="whitespace-nowrap">
        <Badge tone={TOKEN_STATUS_TONES[token.status]}>{TOKEN_STATUS_LABELS[token.status]}</Badge>
        {token.status === "suspended" ? <span className="mt-0.5 block text-xs text-slate-500">account disabled</span> : null}
        {token.revokedAt ? (
          // When and by whom; the badge already says what.
          <time dateTime={token.revokedAt} title={formatDateTime(token.revokedAt)} className="mt-0.5 block text-xs text-slate-500">
            {formatRelativeTime(token.revokedAt)}
            {token.revokedBy ? ` by ${token.revokedBy.name}` : null}
          </time>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap text-slate-700 tabular-nums">
        {/* The edit sits with the value it changes, which keeps the actions column narrow. */}
        <span className="block">{formatRateLimit(token.rateLimitPerMinute)}</span>
        {onEditRateLimit && live(token) ? (
          <button
            type="button"
            aria-label={`Edit rate limit of token ${token.prefix}`}
            onClick={onEditRateLimit}
            className="text-xs font-medium text-indigo-700 hover:underline"
          >
            Edit limit
          </button>
        ) : null}
      </Td>
      {accessColumn ? (
        <Td className="whitespace-nowrap">
          {token.orgWide ? <Badge tone={token.accessMode === "FULL_ACCESS" ? "amber" : "neutral"}>{ACCESS_MODE_LABELS[token.accessMode]}</Badge> : null}
        </Td>
      ) : null}
      <Td className="text-right">
        {onPermissions ? (
          <Button variant="ghost" size="sm" aria-label={`Permissions for token ${token.prefix}`} onClick={onPermissions}>
            Permissions
          </Button>
        ) : null}
        {onRoll ? (
          <Button variant="ghost" size="sm" aria-label={`Roll token ${token.prefix}`} onClick={onRoll}>
            Roll
          </Button>
        ) : null}
        {/* A suspended token comes back when its account is enabled, so it can be revoked too. */}
        {live(token) ? (
          <Button variant="ghost" size="sm" aria-label={`Revoke token ${token.prefix}`} onClick={onRevoke}>
            Revoke
          </Button>
        ) : null}
      </Td>
    </tr>
  );
}

/** "expires in 3 days", "expires today": the badge of a token inside the warning window. */
export function expiresInDays(iso: string, now = Date.now()): string {
  const days = Math.ceil((new Date(iso).getTime() - now) / (24 * 60 * 60 * 1000));
  if (days <= 1) return new Date(iso).getTime() - now < 12 * 60 * 60 * 1000 ? "expires today" : "expires in 1 day";
  return `expires in ${days} days`;
}

/** A token's own limit, or the organization's default it falls back to. */
export function formatRateLimit(perMinute: number | null): string {
  return perMinute === null ? "Org default" : `${perMinute}/min`;
}

/** "in 6 days" over "Mar 10, 2026, 3:05 PM": how far, then exactly when. */
function MomentCell({ iso }: { iso: string }) {
  const absolute = formatDateTime(iso);
  return (
    <time dateTime={iso} title={absolute}>
      <span className="block">{formatRelativeTime(iso)}</span>
      <span className="block text-xs text-slate-500">{absolute}</span>
    </time>
  );
}
