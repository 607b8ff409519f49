import { db } from "@/lib/db/prisma";
import { SYSTEM_ACTOR } from "@/lib/principal";
import { logger } from "@/lib/logger";
import { syncCatalog } from "@/lib/mcp/sync-catalog";
import { onUpstreamListChanged } from "@/lib/mcp/upstream-pool";

const SYSTEM_AUDIT = { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null };
/** A burst of list-changed notifications makes one sync; short, so callers' list_changed follows within about a second. */
const LIST_CHANGED_DEBOUNCE_MS = 150;

/** "10m", "90s", "1h" or plain seconds → milliseconds. */
export function parseInterval(value: string | undefined, fallbackMs: number): number {
  if (!value) return fallbackMs;
  const match = /^(\d+)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!match) throw new Error(`CATALOG_SYNC_INTERVAL: "${value}" is not a duration like 10m, 90s or 1h`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Math.max(10_000, Number(match[1]) * unit);
}

async function syncAllServers() {
  const servers = await db().mcpServer.findMany({ where: { enabled: true }, select: { id: true, orgId: true } });
  for (const server of servers) {
    await syncCatalog({ orgId: server.orgId, serverId: server.id, audit: SYSTEM_AUDIT }).catch((error) =>
      logger.error("catalog sync crashed", { serverId: server.id, error }),
    );
  }
}

/**
 * Re-syncs every enabled upstream every CATALOG_SYNC_INTERVAL (default 10
 * minutes; a per-server lease keeps instances from syncing one server twice),
 * and a server soon after it says its lists changed.
 */
export function scheduleCatalogSync(): () => void {
  const intervalMs = parseInterval(process.env.CATALOG_SYNC_INTERVAL, 10 * 60_000);
  const pending = new Map<string, NodeJS.Timeout>();
  const changed = (serverId: string, delayMs = LIST_CHANGED_DEBOUNCE_MS) => {
    if (pending.has(serverId)) return;
    const timer = setTimeout(() => {
      pending.delete(serverId);
      void db()
        .mcpServer.findUnique({ where: { id: serverId }, select: { orgId: true } })
        .then((server) => server && syncCatalog({ orgId: server.orgId, serverId, audit: SYSTEM_AUDIT, quick: true }))
        // A sync already running may have listed before this change: look once more after it.
        .then((result) => result?.status === "skipped" && result.reason === "busy" && changed(serverId, 500))
        .catch((error) => logger.error("catalog sync after list change failed", { serverId, error }));
    }, delayMs);
    timer.unref();
    pending.set(serverId, timer);
  };
  onUpstreamListChanged((serverId) => changed(serverId));
  const timer = setInterval(() => void syncAllServers().catch((error) => logger.error("catalog sync round failed", { error })), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
