import type { Client } from "@modelcontextprotocol/client";
import { db } from "@/lib/db/prisma";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { exposedName } from "@/lib/exposed-name";
import { describeUpstreamError, isTransportFailure } from "@/lib/mcp/upstream-error";
import { dropUpstreamClient, getUpstreamClient } from "@/lib/mcp/upstream-pool";
import { listGatedTools } from "@/lib/mcp/list-gated-tools";
import { pokeCatalogWatchers } from "@/lib/mcp/relay/watch-catalog";
import type { McpServer } from "@/lib/generated/prisma/client";
import { isModernVersion, LATEST_LEGACY_VERSION } from "@/lib/mcp/relay/protocol";
import { exchangeWithUpstream } from "@/lib/mcp/relay/upstream-exchange";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { closeUpstreamSession } from "@/lib/mcp/relay/upstream-sessions";
import type { CatalogChanges, SyncResult } from "@/lib/mcp/contract";
export type { CatalogChanges, SyncResult } from "@/lib/mcp/contract";

const LEASE_MS = 5 * 60_000;

type UpstreamTool = { name: string; title?: string; description?: string; inputSchema: unknown; outputSchema?: unknown; annotations?: unknown };

/** An upstream's listed definition without its name (the gateway serves it under the exposed name): kept whole, so fields the gateway does not know (execution, icons, _meta) reach callers. */
const definitionOf = (item: object) => {
  const rest: Record<string, unknown> = { ...item };
  delete rest.name;
  return rest as Prisma.InputJsonValue;
};

/**
 * Pages through the upstream's tools, prompts, resources and resource
 * templates and makes the catalog match, in one transaction with its audit
 * event. A lease on the server row keeps two instances from syncing it at once.
 */
export async function syncCatalog({
  orgId,
  serverId,
  audit,
  quick = false,
}: {
  orgId: string;
  serverId: string;
  audit: AuditContext;
  /**
   * After an upstream's list-changed notification: the tools that were there
   * keep what the last sync learnt of them (which capabilities they need),
   * the revisions the upstream speaks are not probed again, so callers hear
   * of the change within about a second.
   */
  quick?: boolean;
}): Promise<SyncResult> {
  const claimed = await db().$queryRaw<{ id: string }[]>`
    UPDATE "McpServer" SET "syncLockedUntil" = (now() AT TIME ZONE 'UTC') + ${LEASE_MS}::float8 * interval '1 millisecond'
    WHERE id = ${serverId}::uuid AND "orgId" = ${orgId}::uuid AND enabled
      AND ("syncLockedUntil" IS NULL OR "syncLockedUntil" < now() AT TIME ZONE 'UTC')
    RETURNING id::text`;
  if (!claimed.length) {
    const server = await db().mcpServer.findFirst({ where: { id: serverId, orgId }, select: { enabled: true } });
    return { status: "skipped", reason: !server ? "not_found" : !server.enabled ? "disabled" : "busy" };
  }
  const server = await db().mcpServer.findUniqueOrThrow({ where: { id: serverId } });
  let client: Client | undefined;
  try {
    client = await getUpstreamClient(server);
    const upstream = await listEverything(client, server.timeoutMs);
    const known = quick ? await db().catalogTool.findMany({ where: { serverId }, select: { name: true, requiredCapabilities: true } }) : [];
    const knownNames = new Set(known.map((t) => t.name));
    const gated = await listGatedTools(server, upstream.tools.map((t) => t.name).filter((name) => !knownNames.has(name)));
    for (const tool of known) if (tool.requiredCapabilities.length) gated.set(tool.name, tool.requiredCapabilities);
    const protocolVersion = client.getNegotiatedProtocolVersion() ?? null;
    const supportedVersions = quick && server.supportedVersions.length && protocolVersion === server.protocolVersion ? server.supportedVersions : await probeSupportedVersions(server, client);
    const result = await writeCatalog({ orgId, server, upstream, gated, protocolVersion, supportedVersions, audit });
    pokeCatalogWatchers();
    return { status: "synced", ...result };
  } catch (error) {
    if (client && isTransportFailure(error)) void dropUpstreamClient(server.id, client);
    const message = describeUpstreamError(error, server.timeoutMs);
    logger.warn("catalog sync failed", { server: server.slug, message });
    await db().mcpServer.update({
      where: { id: server.id },
      data: { health: "ERROR", lastError: message, lastErrorAt: new Date(), syncLockedUntil: null },
    });
    return { status: "error", message };
  }
}

/**
 * Every revision the upstream speaks, so the relay can talk to it in each
 * caller's own: what it negotiated and listed in server/discover, plus, when
 * it speaks 2026-07-28, whether it still answers a 2025-era initialize.
 */
async function probeSupportedVersions(server: McpServer, client: Client): Promise<string[]> {
  const negotiated = client.getNegotiatedProtocolVersion();
  const versions = new Set<string>(client.getDiscoverResult()?.supportedVersions ?? []);
  if (negotiated) versions.add(negotiated);
  if (negotiated && isModernVersion(negotiated)) {
    const upstream = { ...server, supportedVersions: [] };
    try {
      const { message, answer } = await exchangeWithUpstream({
        server: upstream,
        headers: upstreamHeaders({ protocolVersion: LATEST_LEGACY_VERSION }),
        method: "initialize",
        params: { protocolVersion: LATEST_LEGACY_VERSION, capabilities: {}, clientInfo: { name: "control-room-sync", version: "1.0.0" } },
        timeoutMs: Math.min(server.timeoutMs, 10_000),
      });
      const version = (message.result as { protocolVersion?: unknown } | undefined)?.protocolVersion;
      if (typeof version === "string") {
        versions.add(version);
        await closeUpstreamSession(upstream, String(answer.headers["mcp-session-id"] ?? ""), version);
      }
    } catch {
      // A 2026-only upstream: its 2025-era callers are translated.
    }
  }
  return [...versions].sort().reverse();
}

async function listEverything(client: Client, timeout: number) {
  const options = { timeout, cacheMode: "bypass" as const };
  const capabilities = client.getServerCapabilities() ?? {};
  const [tools, prompts, resources, resourceTemplates] = await Promise.all([
    capabilities.tools ? client.listTools(undefined, options).then((r) => r.tools) : [],
    capabilities.prompts ? client.listPrompts(undefined, options).then((r) => r.prompts) : [],
    capabilities.resources ? client.listResources(undefined, options).then((r) => r.resources) : [],
    capabilities.resources ? client.listResourceTemplates(undefined, options).then((r) => r.resourceTemplates) : [],
  ]);
  return { tools: tools as UpstreamTool[], prompts, resources, resourceTemplates };
}

const json = (value: unknown) => (value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue));
const toolFields = (t: UpstreamTool) => ({
  title: t.title ?? null,
  description: t.description ?? "",
  inputSchema: (t.inputSchema ?? { type: "object" }) as Prisma.InputJsonValue,
  outputSchema: json(t.outputSchema),
  annotations: json(t.annotations),
  definition: definitionOf(t),
});
/** JSON with object keys sorted: jsonb stores keys in its own order, so plain JSON.stringify would see every tool as changed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
const fingerprint = (t: { title: string | null; description: string; inputSchema: unknown; outputSchema?: unknown; annotations?: unknown; definition?: unknown }) =>
  canonical([t.title ?? null, t.description, t.inputSchema, t.outputSchema ?? null, t.annotations ?? null, t.definition ?? null]);

async function writeCatalog({
  orgId,
  server,
  upstream,
  gated,
  protocolVersion,
  supportedVersions,
  audit,
}: {
  orgId: string;
  server: { id: string; slug: string };
  upstream: Awaited<ReturnType<typeof listEverything>>;
  gated: Map<string, string[]>;
  protocolVersion: string | null;
  supportedVersions: string[];
  audit: AuditContext;
}) {
  return db().$transaction(async (tx) => {
    const existing = await tx.catalogTool.findMany({ where: { serverId: server.id } });
    const byName = new Map(existing.map((t) => [t.name, t]));
    const incoming = new Map(upstream.tools.map((t) => [t.name, t]));
    const added = upstream.tools.filter((t) => !byName.has(t.name));
    const removed = existing.filter((t) => !incoming.has(t.name));
    const changed = upstream.tools.filter((t) => {
      const old = byName.get(t.name);
      if (!old) return false;
      const definition = old.definition === null ? null : definitionOf(t);
      return fingerprint(old) !== fingerprint({ ...toolFields(t), outputSchema: t.outputSchema, annotations: t.annotations, definition });
    });

    const affected = removed.length
      ? await tx.toolset.findMany({ where: { orgId, tools: { some: { toolId: { in: removed.map((t) => t.id) } } } }, select: { name: true } })
      : [];
    if (removed.length) await tx.catalogTool.deleteMany({ where: { id: { in: removed.map((t) => t.id) } } });
    if (added.length) {
      await tx.catalogTool.createMany({
        data: added.map((t) => ({
          orgId,
          serverId: server.id,
          name: t.name,
          exposedName: exposedName(server.slug, t.name),
          ...toolFields(t),
          requiredCapabilities: gated.get(t.name) ?? [],
        })),
      });
    }
    for (const t of changed) await tx.catalogTool.update({ where: { id: byName.get(t.name)!.id }, data: { ...toolFields(t), requiredCapabilities: gated.get(t.name) ?? [] } });
    // Rows synced before definitions and capabilities were kept get theirs without counting as a change.
    for (const t of upstream.tools) {
      const old = byName.get(t.name);
      if (!old || changed.includes(t)) continue;
      const required = gated.get(t.name) ?? [];
      if (old.definition === null || old.requiredCapabilities.join() !== required.join()) {
        await tx.catalogTool.update({ where: { id: old.id }, data: { definition: definitionOf(t), requiredCapabilities: required } });
      }
    }

    await tx.catalogPrompt.deleteMany({ where: { serverId: server.id } });
    await tx.catalogPrompt.createMany({
      data: upstream.prompts.map((p) => ({
        orgId,
        serverId: server.id,
        name: p.name,
        title: p.title ?? null,
        description: p.description ?? "",
        arguments: json(p.arguments),
        definition: definitionOf(p),
      })),
      skipDuplicates: true,
    });
    await tx.catalogResource.deleteMany({ where: { serverId: server.id } });
    await tx.catalogResource.createMany({
      data: upstream.resources.map((r) => ({
        orgId,
        serverId: server.id,
        uri: r.uri,
        name: r.name,
        title: r.title ?? null,
        description: r.description ?? "",
        mimeType: r.mimeType ?? null,
        definition: { ...(r as object), name: r.name } as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });
    await tx.catalogResourceTemplate.deleteMany({ where: { serverId: server.id } });
    await tx.catalogResourceTemplate.createMany({
      data: upstream.resourceTemplates.map((r) => ({
        orgId,
        serverId: server.id,
        uriTemplate: r.uriTemplate,
        name: r.name,
        title: r.title ?? null,
        description: r.description ?? "",
        mimeType: r.mimeType ?? null,
        definition: { ...(r as object), name: r.name } as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });

    const changes: CatalogChanges = {
      tools: { added: added.map((t) => t.name), removed: removed.map((t) => t.name), changed: changed.map((t) => t.name) },
      prompts: upstream.prompts.length,
      resources: upstream.resources.length,
      resourceTemplates: upstream.resourceTemplates.length,
      toolsetsAffected: affected.map((t) => t.name),
    };
    await tx.mcpServer.update({
      where: { id: server.id },
      data: {
        health: "HEALTHY",
        lastError: null,
        lastSyncedAt: new Date(),
        lastSyncChanges: changes as unknown as Prisma.InputJsonValue,
        protocolVersion,
        supportedVersions,
        syncLockedUntil: null,
      },
    });
    if (added.length || removed.length || changed.length) {
      await recordAuditEvent(tx, audit, { orgId, action: "mcp_server.catalog_changed", target: { kind: "mcp_server", id: server.id }, after: changes });
    }
    return { changes, toolCount: upstream.tools.length };
  });
}
