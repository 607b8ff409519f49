// The measured bot of `npm run profile:relay` and `npm run bench:relay-ab`, on
// a migrated throwaway database: an organization with the bench upstream as
// its server, an account whose 100-entry allowlist matches on its last entry,
// and a token with a rate limit it never reaches. The account holds Full
// Access, or (`toolset`) a toolset with the upstream's greet tool, as the
// bench's bot does; with `catalog`, the bench's 1,000-tool catalog too
// (scripts/bench-catalog.ts), the toolset holding one in ten. Ends with
// ANALYZE, so the statements run on the plans a live database has.
// Imports the app's modules only after DATABASE_URL is set.

import { analyzeDatabase, seedBenchCatalog } from "./bench-catalog";

const SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");

export async function seedRelayBot({ databaseUrl, upstreamUrl, slug, access, catalog = false }: { databaseUrl: string; upstreamUrl: string; slug: string; access: "full" | "toolset"; catalog?: boolean }) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, SECRETS_KEY, UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8", LOG_LEVEL: "warn" });
  const { createTenant } = await import("@/lib/testing/fixtures");
  const { createMcpServer } = await import("@/lib/mcp-servers/create-mcp-server");
  const { mintServiceToken } = await import("@/lib/tokens/mint-service-token");
  const { db, disconnectDb } = await import("@/lib/db/prisma");
  const { org, audit } = await createTenant({ slug });
  const server = await createMcpServer({ orgId: org.id, input: { name: "Bench", slug: "bench", url: upstreamUrl, headers: {}, timeoutMs: 30_000 }, audit });
  const account = await db().serviceAccount.create({ data: { orgId: org.id, name: `${slug}-bot`, accessMode: access === "full" ? "FULL_ACCESS" : "RESTRICTED" } });
  const greet = await db().catalogTool.findFirstOrThrow({ where: { serverId: server.id, name: "greet" } });
  if (catalog) {
    const { toolsetId } = await seedBenchCatalog({ db: db(), orgId: org.id, greetId: greet.id });
    if (access === "toolset") await db().toolsetAssignment.create({ data: { orgId: org.id, toolsetId, serviceAccountId: account.id } });
  } else if (access === "toolset") {
    const toolset = await db().toolset.create({ data: { orgId: org.id, name: "Bench" } });
    await db().toolsetTool.create({ data: { orgId: org.id, toolsetId: toolset.id, toolId: greet.id } });
    await db().toolsetAssignment.create({ data: { orgId: org.id, toolsetId: toolset.id, serviceAccountId: account.id } });
  }
  await db().networkRule.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ orgId: org.id, serviceAccountId: account.id, cidr: i === 99 ? "127.0.0.0/8" : `10.${i}.0.0/16` })) });
  const { token } = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: slug, rateLimitPerMinute: 10_000_000 }, createdById: null, audit });
  await analyzeDatabase(db());
  await disconnectDb();
  return { token, orgSlug: org.slug };
}
