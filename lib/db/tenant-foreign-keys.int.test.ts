import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

// Cross-row links are composite (orgId, id) foreign keys: whatever a service
// forgets, the database refuses a row of one organization that points at
// another's, from either side's orgId.

async function seed() {
  const { org, owner } = await createTenant();
  const server = await db().mcpServer.create({ data: { orgId: org.id, name: "S", slug: "s", url: "http://127.0.0.1:9/mcp" } });
  const tool = await db().catalogTool.create({ data: { orgId: org.id, serverId: server.id, name: "t", exposedName: "s__t", inputSchema: {} } });
  const toolset = await db().toolset.create({ data: { orgId: org.id, name: "T" } });
  const group = await db().group.create({ data: { orgId: org.id, name: "G" } });
  const account = await db().serviceAccount.create({ data: { orgId: org.id, name: "A", createdById: owner.id } });
  const token = await db().serviceToken.create({ data: { orgId: org.id, orgWide: true, prefix: "alk_svc_x", tokenHash: crypto.randomUUID(), expiresAt: new Date(Date.now() + 60_000) } });
  return { orgId: org.id, server, tool, toolset, group, account, token };
}

let a: Awaited<ReturnType<typeof seed>>;
let b: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  await resetDatabase();
  a = await seed();
  b = await seed();
});

const refused = (write: Promise<unknown>) => expect(write).rejects.toMatchObject({ code: "P2003" });

describe("composite tenant foreign keys", () => {
  it("keep a toolset's tools in its organization", async () => {
    await refused(db().toolsetTool.create({ data: { orgId: a.orgId, toolsetId: a.toolset.id, toolId: b.tool.id } }));
    await refused(db().toolsetTool.create({ data: { orgId: b.orgId, toolsetId: a.toolset.id, toolId: b.tool.id } }));
    await db().toolsetTool.create({ data: { orgId: a.orgId, toolsetId: a.toolset.id, toolId: a.tool.id } });
  });

  it("keep catalog rows with their server's organization", async () => {
    await refused(db().catalogTool.create({ data: { orgId: a.orgId, serverId: b.server.id, name: "x", exposedName: "x__x", inputSchema: {} } }));
    await refused(db().catalogPrompt.create({ data: { orgId: a.orgId, serverId: b.server.id, name: "p" } }));
    await refused(db().catalogResource.create({ data: { orgId: a.orgId, serverId: b.server.id, uri: "test://r", name: "r" } }));
    await refused(db().catalogResourceTemplate.create({ data: { orgId: a.orgId, serverId: b.server.id, uriTemplate: "test://{x}", name: "r" } }));
  });

  it("keep assignments, group members, grants and allowlist entries in one organization", async () => {
    await refused(db().toolsetAssignment.create({ data: { orgId: a.orgId, toolsetId: b.toolset.id, serviceAccountId: a.account.id } }));
    await refused(db().toolsetAssignment.create({ data: { orgId: a.orgId, toolsetId: a.toolset.id, groupId: b.group.id } }));
    await refused(db().toolsetAssignment.create({ data: { orgId: a.orgId, toolsetId: a.toolset.id, serviceAccountId: b.account.id } }));
    const user = await db().user.findFirstOrThrow({ where: { memberships: { some: { orgId: a.orgId } } } });
    await refused(db().groupMember.create({ data: { orgId: a.orgId, groupId: b.group.id, userId: user.id } }));
    await refused(db().grant.create({ data: { orgId: a.orgId, serviceAccountId: b.account.id, resourceType: "TOOLSET", resourceId: a.toolset.id, level: "READ" } }));
    await refused(db().grant.create({ data: { orgId: a.orgId, tokenId: b.token.id, resourceType: "TOOLSET", resourceId: a.toolset.id, level: "READ" } }));
    await refused(db().networkRule.create({ data: { orgId: a.orgId, serviceAccountId: b.account.id, cidr: "198.51.100.0/24" } }));
  });

  it("make a grant's resource real: of its organization, and deleting it deletes the grant", async () => {
    await refused(db().grant.create({ data: { orgId: a.orgId, serviceAccountId: a.account.id, resourceType: "TOOLSET", resourceId: b.toolset.id, level: "READ" } }));
    await refused(db().grant.create({ data: { orgId: a.orgId, serviceAccountId: a.account.id, resourceType: "MCP_SERVER", resourceId: crypto.randomUUID(), level: "READ" } }));
    const toolset = await db().toolset.create({ data: { orgId: a.orgId, name: "Granted" } });
    const grant = await db().grant.create({ data: { orgId: a.orgId, serviceAccountId: a.account.id, resourceType: "TOOLSET", resourceId: toolset.id, level: "READ" } });
    expect(grant).toMatchObject({ toolsetId: toolset.id, serverId: null });
    const onServer = await db().grant.create({ data: { orgId: a.orgId, tokenId: a.token.id, resourceType: "MCP_SERVER", resourceId: a.server.id, level: "WRITE" } });
    expect(onServer).toMatchObject({ serverId: a.server.id, toolsetId: null });
    await db().toolset.delete({ where: { id: toolset.id } });
    expect(await db().grant.findUnique({ where: { id: grant.id } })).toBeNull();
    expect(await db().grant.findUnique({ where: { id: onServer.id } })).not.toBeNull();
  });
});
