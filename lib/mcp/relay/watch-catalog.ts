import { createHash } from "node:crypto";
import type { TokenPrincipal } from "@/lib/principal";
import { pools, prepared } from "@/lib/db/pools";
import { logger } from "@/lib/logger";
import { listCatalog, type ListMethod } from "@/lib/mcp/relay/list-catalog";

// Tells open notification streams (2026-07-28 subscriptions/listen, the
// 2025-11-25 session GET stream) when what their caller may list changed.
// Triggers bump a per-organization version at the commit of anything that
// could change a list (prisma/sql/003_catalog_version.sql); while streams are
// open, this instance reads the versions of their organizations four times a second
// (one small query, whatever the number of streams) and, for an organization
// whose version moved, recomputes each of its callers' lists and tells only
// those whose list really changed. Streams of a token that stopped being
// usable (revoked, expired, account disabled) are closed.

export type ListKind = "tools" | "prompts" | "resources";
const METHOD: Record<ListKind, ListMethod> = { tools: "tools/list", prompts: "prompts/list", resources: "resources/list" };

type Watcher = {
  principal: TokenPrincipal;
  capabilities: object;
  kinds: ListKind[];
  fingerprints: Partial<Record<ListKind, string>>;
  changed: (kind: ListKind) => void;
  ended: () => void;
};

const POLL_MS = 250;
const TOKEN_CHECK_MS = 30_000;

const watchers = new Set<Watcher>();
const versions = new Map<string, string>();
let timer: NodeJS.Timeout | null = null;
let lastTokenCheck = 0;
let polling = false;

const fingerprint = (list: string) => createHash("sha256").update(list).digest("base64url");

async function fingerprints({ principal, capabilities, kinds }: Pick<Watcher, "principal" | "capabilities" | "kinds">) {
  const entries = await Promise.all(kinds.map(async (kind) => [kind, fingerprint(await listCatalog(METHOD[kind], principal, capabilities))] as const));
  return Object.fromEntries(entries) as Partial<Record<ListKind, string>>;
}

/** Starts watching a caller's lists; returns the function that stops. */
export async function watchCatalog({ principal, capabilities, kinds, changed, ended }: Omit<Watcher, "fingerprints">): Promise<() => void> {
  const watcher: Watcher = { principal, capabilities, kinds, changed, ended, fingerprints: await fingerprints({ principal, capabilities, kinds }) };
  if (!versions.has(principal.orgId)) versions.set(principal.orgId, await versionOf(principal.orgId));
  watchers.add(watcher);
  timer ??= setInterval(() => void poll(), POLL_MS);
  timer.unref();
  return () => {
    watchers.delete(watcher);
    if (!watchers.size && timer) {
      clearInterval(timer);
      timer = null;
      versions.clear();
    }
  };
}

/** Something on this instance just changed a catalog (a sync): look now rather than at the next tick. */
export function pokeCatalogWatchers(): void {
  if (watchers.size) void poll();
}

async function versionOf(orgId: string): Promise<string> {
  const { rows } = await pools().dataPlane.query<{ version: string }>(`SELECT version::text FROM "CatalogVersion" WHERE "orgId" = $1::uuid`, [orgId]);
  return rows[0]?.version ?? "0";
}

const CATALOG_VERSIONS = {
  name: "cr_catalog_versions_v1",
  text: `SELECT "orgId"::text AS "orgId", version::text FROM "CatalogVersion" WHERE "orgId" = ANY($1::uuid[])`,
};

async function poll() {
  if (polling || !watchers.size) return;
  polling = true;
  try {
    const orgs = [...new Set([...watchers].map((w) => w.principal.orgId))];
    const { rows } = await pools().dataPlane.query<{ orgId: string; version: string }>({
      ...prepared(CATALOG_VERSIONS),
      values: [orgs],
    });
    const moved = new Set<string>();
    for (const row of rows) {
      if (versions.get(row.orgId) !== row.version) moved.add(row.orgId);
      versions.set(row.orgId, row.version);
    }
    for (const watcher of [...watchers]) {
      if (!moved.has(watcher.principal.orgId)) continue;
      const next = await fingerprints(watcher);
      for (const kind of watcher.kinds) if (next[kind] !== watcher.fingerprints[kind]) watcher.changed(kind);
      watcher.fingerprints = next;
    }
    if (Date.now() - lastTokenCheck > TOKEN_CHECK_MS) {
      lastTokenCheck = Date.now();
      await closeUnusable();
    }
  } catch (error) {
    logger.warn("could not check for catalog changes", { error: (error as Error).message });
  } finally {
    polling = false;
  }
}

async function closeUnusable() {
  const tokens = [...new Set([...watchers].map((w) => w.principal.tokenId))];
  const { rows } = await pools().dataPlane.query<{ id: string }>(
    `SELECT t.id::text FROM "ServiceToken" t LEFT JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
      WHERE t.id = ANY($1::uuid[]) AND t."revokedAt" IS NULL AND t."expiresAt" > now() AT TIME ZONE 'UTC'
        AND (t."orgWide" OR a.status = 'ACTIVE')`,
    [tokens],
  );
  const usable = new Set(rows.map((r) => r.id));
  for (const watcher of [...watchers]) if (!usable.has(watcher.principal.tokenId)) watcher.ended();
}
