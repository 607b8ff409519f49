import { createHash } from "node:crypto";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { decryptJson } from "@/lib/secrets/secret-box";
import { logger } from "@/lib/logger";
import { createPinnedFetch } from "@/lib/mcp/pinned-fetch";
import { demoFetch } from "@/lib/mcp/demo-server";

// One connected client per upstream per instance, reused by every call and
// sync. A server whose connection settings changed (URL, headers, timeout)
// gets a fresh connection, the old one closing only after its calls had time
// to finish; a broken one is dropped and reconnected on next use.

export type UpstreamConfig = {
  id: string;
  slug: string;
  url: string;
  builtin: boolean;
  headersEncrypted: string | null;
  timeoutMs: number;
  updatedAt: Date;
};

type Entry = { version: string; client: Promise<Client> };

const globalForPool = globalThis as unknown as {
  controlRoomUpstreams?: Map<string, Entry>;
  controlRoomPinnedFetch?: ReturnType<typeof createPinnedFetch>;
  controlRoomListChanged?: (serverId: string) => void;
};
const pool: Map<string, Entry> = (globalForPool.controlRoomUpstreams ??= new Map<string, Entry>());

/** Called when an upstream says its tools, prompts or resources changed (the catalog sync hooks in here). */
export function onUpstreamListChanged(listener: (serverId: string) => void): void {
  globalForPool.controlRoomListChanged = listener;
}

/** An upstream said its lists changed on a caller's session stream: the catalog should look again. */
export function announceUpstreamListChanged(serverId: string): void {
  globalForPool.controlRoomListChanged?.(serverId);
}

const CONNECT_TIMEOUT_MS = 15_000;

export const ALL_CLIENT_CAPABILITIES = { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } };

async function connect(config: UpstreamConfig): Promise<Client> {
  const headers = config.headersEncrypted ? decryptJson<Record<string, string>>(config.headersEncrypted) : {};
  const fetch = config.builtin ? demoFetch : (globalForPool.controlRoomPinnedFetch ??= createPinnedFetch());
  const changed = () => globalForPool.controlRoomListChanged?.(config.id);
  const client = new Client(
    { name: "control-room-gateway", version: "1.0.0" },
    {
      // Speak 2026-07-28 where the upstream can, else fall back to 2025-11-25.
      versionNegotiation: { mode: "auto" },
      // Every client capability, so the catalog also holds the tools an upstream lists only to
      // clients that can serve sampling, elicitation or roots (lib/mcp/list-gated-tools.ts).
      capabilities: ALL_CLIENT_CAPABILITIES,
      listChanged: {
        tools: { onChanged: changed, autoRefresh: false },
        prompts: { onChanged: changed, autoRefresh: false },
        resources: { onChanged: changed, autoRefresh: false },
      },
    },
  );
  // This connection only lists; what an upstream asks it gets the empty answer.
  client.setRequestHandler("roots/list", async () => ({ roots: [] }));
  client.setRequestHandler("sampling/createMessage", async () => {
    throw new Error("The catalog connection does not sample");
  });
  client.setRequestHandler("elicitation/create", async () => ({ action: "decline" }));
  // A notification stream closing (on shutdown, or an upstream restart) is routine; calls report real failures.
  client.onerror = (error) => logger.debug("upstream connection event", { server: config.slug, error: error.message });
  const transport = new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers }, fetch });
  await client.connect(transport, { timeout: Math.min(config.timeoutMs, CONNECT_TIMEOUT_MS) });
  return client;
}

/** What a connection depends on; a catalog sync (which bumps updatedAt) must not reconnect. */
const versionOf = (config: UpstreamConfig) =>
  createHash("sha256").update(JSON.stringify([config.url, config.headersEncrypted, config.timeoutMs, config.builtin])).digest("hex");

function closeLater(entry: Entry, afterMs: number) {
  const timer = setTimeout(() => void entry.client.then((c) => c.close()).catch(() => {}), afterMs);
  timer.unref();
}

/** The connected client for this upstream, connecting on first use. */
export function getUpstreamClient(config: UpstreamConfig): Promise<Client> {
  const version = versionOf(config);
  const existing = pool.get(config.id);
  if (existing && existing.version === version) return existing.client;
  // Calls still running on the old connection get their full timeout.
  if (existing) closeLater(existing, config.timeoutMs + 1000);
  const client = connect(config);
  pool.set(config.id, { version, client });
  // A failed connection is not kept: the next use tries again.
  client.catch(() => {
    if (pool.get(config.id)?.client === client) pool.delete(config.id);
  });
  return client;
}

/**
 * Drops the connection after a transport failure, or when the server is
 * disabled or deleted. With `failed`, only if that is still the current
 * client: a failure on an old connection must not drop its fresh successor.
 */
export async function dropUpstreamClient(serverId: string, failed?: Client): Promise<void> {
  const existing = pool.get(serverId);
  if (!existing) return;
  if (failed && (await existing.client.catch(() => null)) !== failed) return;
  if (pool.get(serverId) !== existing) return;
  pool.delete(serverId);
  closeLater(existing, 0);
}
