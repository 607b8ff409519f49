import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { updateMcpServer } from "@/lib/mcp-servers/update-mcp-server";
import { scheduleCatalogSync } from "@/lib/mcp/schedule-catalog-sync";
import { syncCatalog } from "@/lib/mcp/sync-catalog";
import { addToolsetTools } from "@/lib/toolsets/add-toolset-tools";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { serveFetchHandler, type RunningServer } from "@/lib/testing/mcp-upstreams";

// An upstream whose tool list the test changes at will.
const tools = new Map<string, string>();
const handler = createMcpHandler(() => {
  const server = new McpServer({ name: "changing", version: "1.0.0" }, { capabilities: { tools: { listChanged: true } } });
  for (const [name, description] of tools) {
    server.registerTool(name, { description, inputSchema: z.object({}) }, async () => ({ content: [{ type: "text", text: name }] }));
  }
  return server;
});
let upstream: RunningServer;

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  upstream = await serveFetchHandler((request) => handler.fetch(request), "/mcp");
});
afterAll(() => upstream?.close());
beforeEach(async () => {
  await resetDatabase();
  tools.clear();
  tools.set("alpha", "First");
  tools.set("beta", "Second");
});

describe("catalog sync", () => {
  it("records what was added, removed and changed, and takes removed tools out of their toolsets", async () => {
    const { org, audit } = await createTenant();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Changing", slug: "changing", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit });
    expect(server).toMatchObject({ health: "HEALTHY", toolCount: 2, protocolVersion: "2026-07-28" });
    const beta = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "beta" } });
    const toolset = await createToolset({ orgId: org.id, input: { name: "Uses beta", description: "" }, audit });
    await addToolsetTools({ orgId: org.id, toolsetId: toolset.id, toolIds: [beta.id], audit });
    const alphaBefore = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "alpha" } });

    tools.delete("beta");
    tools.set("alpha", "First, reworded");
    tools.set("gamma", "Third");
    const result = await syncCatalog({ orgId: org.id, serverId: server.id, audit });
    expect(result).toMatchObject({
      status: "synced",
      toolCount: 2,
      changes: { tools: { added: ["gamma"], removed: ["beta"], changed: ["alpha"] }, toolsetsAffected: ["Uses beta"] },
    });
    // Exposed names and ids are stable across syncs.
    const alphaAfter = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "alpha" } });
    expect(alphaAfter).toMatchObject({ id: alphaBefore.id, exposedName: "changing__alpha", description: "First, reworded" });
    expect(await db().toolsetTool.count({ where: { toolsetId: toolset.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "mcp_server.catalog_changed" }, orderBy: { createdAt: "desc" } });
    expect(event.after).toMatchObject({ tools: { removed: ["beta"] }, toolsetsAffected: ["Uses beta"] });
    expect((await db().mcpServer.findUniqueOrThrow({ where: { id: server.id } })).lastSyncChanges).toMatchObject({ tools: { added: ["gamma"] } });
  });

  it("re-syncs on its own when the upstream says its tool list changed", async () => {
    const { org, audit } = await createTenant();
    const stop = scheduleCatalogSync();
    try {
      const server = await createMcpServer({ orgId: org.id, input: { name: "Live", slug: "live", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit });
      tools.set("delta", "Fourth");
      // Give the upstream client's subscription a moment to be listening, then announce.
      await new Promise((r) => setTimeout(r, 500));
      handler.notify.toolsChanged();
      await expect
        .poll(async () => (await db().catalogTool.findMany({ where: { serverId: server.id } })).map((t) => t.name).sort(), { timeout: 10_000, interval: 250 })
        .toEqual(["alpha", "beta", "delta"]);
    } finally {
      stop();
    }
  });

  it("reports nothing changed when nothing did, and writes no audit event for it", async () => {
    const { org, audit } = await createTenant();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Stable", slug: "stable", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit });
    const events = await db().auditEvent.count({ where: { orgId: org.id } });
    const result = await syncCatalog({ orgId: org.id, serverId: server.id, audit });
    expect(result).toMatchObject({ status: "synced", changes: { tools: { added: [], removed: [], changed: [] } } });
    expect(await db().auditEvent.count({ where: { orgId: org.id } })).toBe(events);
  });

  it("never sends stored header values to a new origin unless they are sent again", async () => {
    const { org, audit } = await createTenant();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Keyed", slug: "keyed", url: upstream.url, headers: { "X-Api-Key": "k-1" }, timeoutMs: 5000 }, audit });
    const moved = updateMcpServer({ orgId: org.id, serverId: server.id, input: { url: "http://127.0.0.2:9/mcp" }, audit });
    await expect(moved).rejects.toMatchObject({ fields: [{ field: "headers" }] });
    // Same origin, other path: fine.
    await expect(updateMcpServer({ orgId: org.id, serverId: server.id, input: { url: upstream.url.replace("/mcp", "/mcp?v=2") }, audit })).resolves.toBeTruthy();
  });

  it("never syncs one server twice at once", async () => {
    const { org, audit } = await createTenant();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Once", slug: "once", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit });
    // Another instance's sync holds the lease: this one skips.
    await db().mcpServer.update({ where: { id: server.id }, data: { syncLockedUntil: new Date(Date.now() + 60_000) } });
    expect(await syncCatalog({ orgId: org.id, serverId: server.id, audit })).toEqual({ status: "skipped", reason: "busy" });
    // Lease gone (finished or expired): it syncs, and releases the lease.
    await db().mcpServer.update({ where: { id: server.id }, data: { syncLockedUntil: new Date(Date.now() - 1000) } });
    expect(await syncCatalog({ orgId: org.id, serverId: server.id, audit })).toMatchObject({ status: "synced" });
    expect((await db().mcpServer.findUniqueOrThrow({ where: { id: server.id } })).syncLockedUntil).toBeNull();
  });

  it("refuses loopback upstreams unless UPSTREAM_ALLOWED_NETWORKS allows them, and link-local always", async () => {
    const { org, audit } = await createTenant();
    delete process.env.UPSTREAM_ALLOWED_NETWORKS;
    try {
      await expect(
        createMcpServer({ orgId: org.id, input: { name: "Local", slug: "local", url: upstream.url, headers: {}, timeoutMs: 5000 }, audit }),
      ).rejects.toMatchObject({ fields: [{ field: "url", message: expect.stringMatching(/UPSTREAM_ALLOWED_NETWORKS/) }] });
    } finally {
      process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
    }
    await expect(
      createMcpServer({ orgId: org.id, input: { name: "Meta", slug: "meta", url: "http://169.254.169.254/latest", headers: {}, timeoutMs: 5000 }, audit }),
    ).rejects.toMatchObject({ fields: [{ field: "url", message: expect.stringMatching(/cloud-metadata/) }] });
    expect(await db().mcpServer.count({ where: { orgId: org.id } })).toBe(0);
  });
});
