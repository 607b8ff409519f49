import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import type { TokenPrincipal } from "@/lib/principal";
import { getEffectiveAccess } from "@/lib/grants/effective-access";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

// For random toolsets, assignments, grants, modes and disabled servers: the
// tools tools/list shows are exactly the tools tools/call accepts, and both
// are exactly what the rules say.

const SERVERS = 3;
const TOOLS_PER_SERVER = 4;

let orgId: string;
let orgSlug: string;
let servers: { id: string; tools: { id: string; exposedName: string }[] }[];
let accountId: string;

beforeAll(async () => {
  await resetDatabase();
  const tenant = await createTenant();
  orgId = tenant.org.id;
  orgSlug = tenant.org.slug;
  servers = [];
  for (let s = 0; s < SERVERS; s++) {
    const server = await db().mcpServer.create({ data: { orgId, name: `S${s}`, slug: `s${s}`, url: `https://s${s}.example.test/mcp` } });
    const tools = [];
    for (let t = 0; t < TOOLS_PER_SERVER; t++) {
      tools.push(await db().catalogTool.create({ data: { orgId, serverId: server.id, name: `t${t}`, exposedName: `s${s}__t${t}`, inputSchema: { type: "object" } }, select: { id: true, exposedName: true } }));
    }
    servers.push({ id: server.id, tools });
  }
  accountId = (await db().serviceAccount.create({ data: { orgId, name: "prop-bot" } })).id;
});

const allTools = () => servers.flatMap((s, si) => s.tools.map((t, ti) => ({ ...t, si, ti })));

const scenario = fc.record({
  fullAccess: fc.boolean(),
  enabled: fc.array(fc.boolean(), { minLength: SERVERS, maxLength: SERVERS }),
  serverLevels: fc.array(fc.constantFrom("NONE", "READ", "WRITE"), { minLength: SERVERS, maxLength: SERVERS }),
  toolsets: fc.array(
    fc.record({ assigned: fc.boolean(), tools: fc.array(fc.boolean(), { minLength: SERVERS * TOOLS_PER_SERVER, maxLength: SERVERS * TOOLS_PER_SERVER }) }),
    { maxLength: 3 },
  ),
});

describe("effective access", () => {
  it("lists exactly the tools it lets the caller call, for any setup", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fullAccess, enabled, serverLevels, toolsets }) => {
        await db().toolset.deleteMany({ where: { orgId } });
        await db().grant.deleteMany({ where: { orgId } });
        await db().serviceAccount.update({ where: { id: accountId }, data: { accessMode: fullAccess ? "FULL_ACCESS" : "RESTRICTED" } });
        for (let s = 0; s < SERVERS; s++) {
          await db().mcpServer.update({ where: { id: servers[s].id }, data: { enabled: enabled[s] } });
          if (serverLevels[s] !== "NONE") {
            await db().grant.create({ data: { orgId, serviceAccountId: accountId, resourceType: "MCP_SERVER", resourceId: servers[s].id, level: serverLevels[s] as "READ" | "WRITE" } });
          }
        }
        const assignedTools = new Set<string>();
        for (const [i, spec] of toolsets.entries()) {
          const toolset = await db().toolset.create({ data: { orgId, name: `T${i}` } });
          const members = allTools().filter((_, k) => spec.tools[k]);
          await db().toolsetTool.createMany({ data: members.map((t) => ({ orgId, toolsetId: toolset.id, toolId: t.id })) });
          if (spec.assigned) {
            await db().toolsetAssignment.create({ data: { orgId, toolsetId: toolset.id, serviceAccountId: accountId } });
            members.forEach((t) => assignedTools.add(t.id));
          }
        }
        const principal: TokenPrincipal = {
          kind: "token",
          tokenId: "00000000-0000-4000-8000-000000000000",
          tokenPrefix: "alk_svc_prop",
          orgId,
          orgSlug,
          serviceAccount: { id: accountId, name: "prop-bot", accessMode: fullAccess ? "FULL_ACCESS" : "RESTRICTED" },
          accessMode: fullAccess ? "FULL_ACCESS" : "RESTRICTED",
          policy: { allowlist: { org: 0, orgMatch: false, account: 0, accountMatch: false }, rateLimitPerMinute: null },
        };

        const listed = (await getEffectiveAccess({ orgId, principal })).tools.map((t) => t.exposedName).sort();
        const callable: string[] = [];
        for (const tool of allTools()) {
          if ((await getEffectiveAccess({ orgId, principal, exposedName: tool.exposedName })).tools.length) callable.push(tool.exposedName);
        }
        const rules = allTools()
          .filter((t) => enabled[t.si] && (fullAccess || serverLevels[t.si] === "WRITE" || assignedTools.has(t.id)))
          .map((t) => t.exposedName)
          .sort();
        expect(listed).toEqual(callable.sort());
        expect(listed).toEqual(rules);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
