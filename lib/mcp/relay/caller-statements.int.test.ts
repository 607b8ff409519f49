import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authorizeCaller } from "@/lib/mcp/relay/authorize-caller";
import { STATEMENTS, type StatementVariant } from "@/lib/mcp/relay/caller-statements";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// The data plane's raw statements (caller-statements.ts) scope every join by
// the token's organization: each variant, run by a Full Access token with
// another organization's ids (its gateway session, its tool, its servers),
// finds nothing of that organization.

async function seed(slug: string) {
  const { org, owner, audit } = await createTenant();
  const server = await db().mcpServer.create({ data: { orgId: org.id, name: slug, slug, url: "http://127.0.0.1:9/mcp" } });
  await db().catalogTool.create({ data: { orgId: org.id, serverId: server.id, name: "secret", exposedName: `${slug}__secret`, inputSchema: { type: "object" } } });
  const { token, id: tokenId } = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "", accessMode: "FULL_ACCESS", grants: [] }, createdById: owner.id, audit });
  const sessionIdHash = `session-${slug}`;
  await db().gatewaySession.create({ data: { orgId: org.id, tokenId, idHash: sessionIdHash, protocolVersion: "2025-11-25", clientCapabilities: {} } });
  return { slug: org.slug, serverId: server.id, token, sessionIdHash };
}

let mine: Awaited<ReturnType<typeof seed>>;
let theirs: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  await resetDatabase();
  mine = await seed("mine");
  theirs = await seed("theirs");
});

const authorize = (variant: StatementVariant, extra: { sessionIdHash?: string; toolName?: string } = {}) =>
  authorizeCaller({ variant, token: mine.token, ip: "127.0.0.1", requestId: "r", userAgent: null, orgSlug: mine.slug, sessionIdHash: extra.sessionIdHash ?? null, capabilitiesDigest: "d", toolName: extra.toolName });

describe("the MCP endpoint's statements, given another organization's ids", () => {
  it("covers every variant", () => {
    expect(Object.keys(STATEMENTS).sort()).toEqual(["auth", "servers", "tool"]);
  });

  it.each(Object.keys(STATEMENTS) as StatementVariant[])("%s: another organization's gateway session is not found", async (variant) => {
    expect((await authorize(variant, { sessionIdHash: theirs.sessionIdHash, toolName: "mine__secret" })).kind).toBe("session_not_found");
    expect((await authorize(variant, { sessionIdHash: mine.sessionIdHash, toolName: "mine__secret" })).kind).toBe("ok");
  });

  it("tool: another organization's tool is no tool, its own is", async () => {
    const foreign = await authorize("tool", { toolName: "theirs__secret" });
    expect(foreign.kind === "ok" && foreign.caller.tool).toBeNull();
    const own = await authorize("tool", { toolName: "mine__secret" });
    expect(own.kind === "ok" && own.caller.tool?.server.id).toBe(mine.serverId);
  });

  it("servers: only its own organization's servers", async () => {
    const outcome = await authorize("servers");
    expect(outcome.kind === "ok" && outcome.caller.servers?.map((s) => s.id)).toEqual([mine.serverId]);
  });
});
