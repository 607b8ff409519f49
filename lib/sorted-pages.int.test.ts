import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { listGroups } from "@/lib/groups/list-groups";
import { listMcpServers } from "@/lib/mcp-servers/list-mcp-servers";
import { listMembers } from "@/lib/members/list-members";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { addUserToOrg, createTenant, createUser } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { listTokensQuerySchema, TOKEN_SORTS } from "@/lib/tokens/contract";
import { listToolsets } from "@/lib/toolsets/list-toolsets";
import { listMembersQuerySchema } from "@/lib/members/contract";

beforeEach(resetDatabase);

type Page<T> = { items: T[]; nextCursor: string | null; total: number; unfilteredTotal: number };

/** Every page in turn at `limit` 2, failing on a loop. */
async function allPages<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await list(cursor);
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("the pages never ended");
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const byKeyThenId =
  <T extends { id: string }>(value: (row: T) => string | number | null, direction: 1 | -1) =>
  (a: T, b: T) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? (a.id < b.id ? -direction : direction) : x === null ? 1 : -1;
    if (x !== y) return x < y ? -direction : direction;
    return a.id < b.id ? -direction : direction;
  };

describe("sorted lists page in every order without repeats or gaps", () => {
  it("groups: newest, oldest, name, -name; totals with and without a search", async () => {
    const { org } = await createTenant();
    const { org: other } = await createTenant();
    // Two groups share each createdAt, so the id breaks the tie.
    const names = ["delta", "alpha", "echo", "bravo", "charlie", "foxtrot", "golf"];
    const rows = [];
    for (const [i, name] of names.entries()) rows.push(await db().group.create({ data: { orgId: org.id, name, createdAt: at(Math.floor(i / 2)) } }));
    await db().group.create({ data: { orgId: other.id, name: "abroad" } });
    const expected = {
      newest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), -1)),
      oldest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), 1)),
      name: [...rows].sort(byKeyThenId((r) => r.name, 1)),
      "-name": [...rows].sort(byKeyThenId((r) => r.name, -1)),
    };
    for (const sort of ["newest", "oldest", "name", "-name"] as const) {
      const seen = await allPages((cursor) => listGroups({ orgId: org.id, limit: 2, cursor, sort }));
      expect(seen.map((g) => g.id), sort).toEqual(expected[sort].map((g) => g.id));
    }
    const searched = await listGroups({ orgId: org.id, limit: 2, search: "o", sort: "name" });
    expect(searched.total).toBe(names.filter((n) => n.includes("o")).length);
    expect(searched.unfilteredTotal).toBe(7);
    const all = await listGroups({ orgId: org.id, limit: 2, sort: "name" });
    expect([all.total, all.unfilteredTotal]).toEqual([7, 7]);
  });

  it("toolsets and MCP servers sort by name both ways, and count only their own organization", async () => {
    const { org } = await createTenant();
    const { org: other } = await createTenant();
    const names = ["kilo", "india", "juliet", "hotel", "lima"];
    for (const name of names) {
      await db().toolset.create({ data: { orgId: org.id, name } });
      await db().mcpServer.create({ data: { orgId: org.id, name, slug: name, url: `https://${name}.example.test/mcp` } });
    }
    await db().toolset.create({ data: { orgId: other.id, name: "abroad" } });
    await db().mcpServer.create({ data: { orgId: other.id, name: "abroad", slug: "abroad", url: "https://abroad.example.test/mcp" } });
    const ascending = [...names].sort();
    for (const [sort, order] of [["name", ascending], ["-name", [...ascending].reverse()]] as const) {
      expect((await allPages((cursor) => listToolsets({ orgId: org.id, limit: 2, cursor, sort }))).map((t) => t.name)).toEqual(order);
      expect((await allPages((cursor) => listMcpServers({ orgId: org.id, limit: 2, cursor, sort }))).map((s) => s.name)).toEqual(order);
    }
    const toolsets = await listToolsets({ orgId: org.id, limit: 2, search: "li" });
    expect([toolsets.total, toolsets.unfilteredTotal]).toEqual([2, 5]);
    const servers = await listMcpServers({ orgId: org.id, limit: 2, search: "li" });
    expect([servers.total, servers.unfilteredTotal]).toEqual([2, 5]);
  });

  it("members: email both ways and by when they joined", async () => {
    const { org, owner } = await createTenant();
    const tag = randomBytes(3).toString("hex");
    for (const local of ["mike", "alice", "zoe", "bob", "carol"]) await addUserToOrg(org.id, "MEMBER", await createUser({ email: `${local}-${tag}@example.test` }));
    const emails = (await db().membership.findMany({ where: { orgId: org.id }, select: { user: { select: { email: true } } } })).map((m) => m.user.email);
    const ascending = [...emails].sort();
    expect((await allPages((cursor) => listMembers({ orgId: org.id, limit: 2, cursor, sort: "email" }))).map((m) => m.email)).toEqual(ascending);
    expect((await allPages((cursor) => listMembers({ orgId: org.id, limit: 2, cursor, sort: "-email" }))).map((m) => m.email)).toEqual([...ascending].reverse());
    const oldest = await allPages((cursor) => listMembers({ orgId: org.id, limit: 2, cursor, sort: "oldest" }));
    expect(oldest[0]?.email).toBe(owner.email);
    const newest = await allPages((cursor) => listMembers({ orgId: org.id, limit: 2, cursor, sort: "newest" }));
    expect(newest.map((m) => m.email)).toEqual(oldest.map((m) => m.email).reverse());
    const searched = await listMembers({ orgId: org.id, limit: 2, search: `alice-${tag}` });
    expect([searched.total, searched.unfilteredTotal]).toEqual([1, 6]);
  });

  it("service accounts: every order, with totals under a status filter", async () => {
    const { org } = await createTenant();
    const names = ["papa", "oscar", "quebec", "november", "romeo"];
    for (const [i, name] of names.entries()) {
      await db().serviceAccount.create({ data: { orgId: org.id, name, status: i % 2 ? "DISABLED" : "ACTIVE", createdAt: at(i % 3) } });
    }
    const rows = await db().serviceAccount.findMany({ where: { orgId: org.id } });
    const expected = {
      newest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), -1)),
      oldest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), 1)),
      name: [...rows].sort(byKeyThenId((r) => r.name, 1)),
      "-name": [...rows].sort(byKeyThenId((r) => r.name, -1)),
    };
    for (const sort of ["newest", "oldest", "name", "-name"] as const) {
      const seen = await allPages((cursor) => listServiceAccounts({ orgId: org.id, limit: 2, cursor, sort }));
      expect(seen.map((a) => a.id), sort).toEqual(expected[sort].map((a) => a.id));
    }
    const disabled = await listServiceAccounts({ orgId: org.id, limit: 2, status: "DISABLED" });
    expect([disabled.total, disabled.unfilteredTotal]).toEqual([2, 5]);
  });

  it("tokens: all eight orders, ties broken by id, never-used tokens last both ways", async () => {
    const { org } = await createTenant();
    const account = await db().serviceAccount.create({ data: { orgId: org.id, name: "bot" } });
    const specs = [
      { name: "b", created: 0, expires: 100, used: 5 },
      { name: "a", created: 0, expires: 100, used: null },
      { name: "b", created: 1, expires: 90, used: 5 },
      { name: "c", created: 2, expires: 110, used: null },
      { name: "a", created: 2, expires: 90, used: 7 },
      { name: "d", created: 3, expires: 120, used: 3 },
      { name: "b", created: 3, expires: 80, used: null },
    ];
    for (const spec of specs) {
      await db().serviceToken.create({
        data: {
          orgId: org.id,
          serviceAccountId: account.id,
          name: spec.name,
          prefix: "alk_svc_test",
          tokenHash: randomBytes(32).toString("hex"),
          createdAt: at(spec.created),
          expiresAt: at(10_000 + spec.expires),
          lastUsedAt: spec.used === null ? null : at(spec.used),
        },
      });
    }
    // Another account's token and an org-wide one stay out of this list and its totals.
    const otherAccount = await db().serviceAccount.create({ data: { orgId: org.id, name: "other" } });
    await db().serviceToken.create({ data: { orgId: org.id, serviceAccountId: otherAccount.id, prefix: "alk_svc_x", tokenHash: randomBytes(32).toString("hex"), expiresAt: at(99_999) } });
    const rows = await db().serviceToken.findMany({ where: { serviceAccountId: account.id } });
    const time = (d: Date | null) => (d ? d.getTime() : null);
    const expected: Record<(typeof TOKEN_SORTS)[number], typeof rows> = {
      newest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), -1)),
      oldest: [...rows].sort(byKeyThenId((r) => r.createdAt.getTime(), 1)),
      name: [...rows].sort(byKeyThenId((r) => r.name, 1)),
      "-name": [...rows].sort(byKeyThenId((r) => r.name, -1)),
      expires: [...rows].sort(byKeyThenId((r) => r.expiresAt.getTime(), 1)),
      "-expires": [...rows].sort(byKeyThenId((r) => r.expiresAt.getTime(), -1)),
      lastUsed: [...rows].sort(byKeyThenId((r) => time(r.lastUsedAt), 1)),
      "-lastUsed": [...rows].sort(byKeyThenId((r) => time(r.lastUsedAt), -1)),
    };
    const owner = { serviceAccountId: account.id };
    const now = at(0);
    for (const sort of TOKEN_SORTS) {
      const seen = await allPages((cursor) => listServiceTokens({ orgId: org.id, owner, limit: 2, cursor, sort, now }));
      expect(seen.map((t) => t.id), sort).toEqual(expected[sort].map((t) => t.id));
    }
    for (const sort of ["lastUsed", "-lastUsed"] as const) {
      const seen = await allPages((cursor) => listServiceTokens({ orgId: org.id, owner, limit: 2, cursor, sort, now }));
      expect(seen.slice(-3).every((t) => t.lastUsedAt === null), sort).toBe(true);
    }
    const all = await listServiceTokens({ orgId: org.id, owner, limit: 2, now });
    expect([all.total, all.unfilteredTotal]).toEqual([7, 7]);
  });
});

describe("sorted lists refuse what they cannot follow", () => {
  it("an unknown sort is a 400 naming sort", () => {
    const tokens = listTokensQuerySchema.safeParse({ sort: "price" });
    expect(tokens.success).toBe(false);
    expect(tokens.error?.issues[0]?.path).toEqual(["sort"]);
    const members = listMembersQuerySchema.safeParse({ sort: "name" });
    expect(members.error?.issues[0]?.path).toEqual(["sort"]);
  });

  it("a cursor minted for another order or list, or a garbled one, is a 400 naming cursor", async () => {
    const { org } = await createTenant();
    for (const name of ["one", "two", "three"]) await db().group.create({ data: { orgId: org.id, name } });
    const byName = await listGroups({ orgId: org.id, limit: 1, sort: "name" });
    const byAge = await listGroups({ orgId: org.id, limit: 1, sort: "newest" });
    for (const [sort, cursor] of [["newest", byName.nextCursor], ["-name", byName.nextCursor], ["name", byAge.nextCursor], ["name", "garbage"]] as const) {
      await expect(listGroups({ orgId: org.id, limit: 1, sort, cursor: cursor ?? undefined }), `${sort}`).rejects.toMatchObject({
        code: "bad_request",
        fields: [{ field: "cursor" }],
      });
    }
    // The same order of another list: a groups cursor is no toolsets position.
    await db().toolset.create({ data: { orgId: org.id, name: "kit" } });
    await expect(listToolsets({ orgId: org.id, limit: 1, sort: "name", cursor: byName.nextCursor! })).rejects.toMatchObject({ code: "bad_request", fields: [{ field: "cursor" }] });
  });
});
