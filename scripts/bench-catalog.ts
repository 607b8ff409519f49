// The catalog `npm run bench` lists and `npm run profile:relay` can profile
// tools/list on: 50 more upstreams of 20 tools each beside the bench upstream,
// and a toolset holding one tool in ten of them plus the upstream's greet,
// so a restricted bot sees 101 of 1,001 tools from 51 upstreams.
import type { db as appDb } from "@/lib/db/prisma";

type Db = ReturnType<typeof appDb>;

export async function seedBenchCatalog({ db, orgId, greetId }: { db: Db; orgId: string; greetId: string }): Promise<{ toolsetId: string }> {
  const servers = Array.from({ length: 50 }, (_, i) => ({ id: crypto.randomUUID(), orgId, name: `Catalog ${i}`, slug: `catalog-${i}`, url: `https://catalog-${i}.example.test/mcp` }));
  await db.mcpServer.createMany({ data: servers });
  const schema = { type: "object", properties: { q: { type: "string", description: "query" }, limit: { type: "number" } }, required: ["q"] };
  const catalog = servers.flatMap((s) =>
    Array.from({ length: 20 }, (_, j) => ({ id: crypto.randomUUID(), orgId, serverId: s.id, name: `tool_${j}`, exposedName: `${s.slug}__tool_${j}`, description: `Tool ${j} of ${s.name}`, inputSchema: schema })),
  );
  await db.catalogTool.createMany({ data: catalog });
  const toolset = await db.toolset.create({ data: { orgId, name: "Bench" } });
  const toolIds = [greetId, ...catalog.filter((_, i) => i % 10 === 0).map((t) => t.id)];
  await db.toolsetTool.createMany({ data: toolIds.map((toolId) => ({ orgId, toolsetId: toolset.id, toolId })) });
  return { toolsetId: toolset.id };
}

/**
 * Statistics for every table, as autovacuum gathers them within a minute of a
 * change this size: a plan made on tables without statistics is not the plan
 * a live database runs, and autovacuum arriving mid-run would change the
 * plan between rounds.
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.$executeRawUnsafe("ANALYZE");
}
