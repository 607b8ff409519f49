import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { listMcpServers } from "@/lib/mcp-servers/list-mcp-servers";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

describe("the MCP server list", () => {
  it("pages through a search: every match once, in order, and nothing else", async () => {
    const { org } = await createTenant();
    const { org: other } = await createTenant();
    for (let i = 0; i < 5; i++) {
      await db().mcpServer.create({ data: { orgId: org.id, name: `Search ${i}`, slug: `search-${i}`, url: `https://search-${i}.example.test/mcp` } });
    }
    await db().mcpServer.create({ data: { orgId: org.id, name: "Other", slug: "other", url: "https://other.example.test/mcp" } });
    await db().mcpServer.create({ data: { orgId: other.id, name: "Search abroad", slug: "search-abroad", url: "https://abroad.example.test/mcp" } });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listMcpServers({ orgId: org.id, limit: 2, cursor, search: "search" });
      seen.push(...page.items.map((s) => s.slug));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(["search-0", "search-1", "search-2", "search-3", "search-4"]);
  });
});
