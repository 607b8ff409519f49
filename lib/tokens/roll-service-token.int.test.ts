import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { revokeServiceToken } from "@/lib/tokens/revoke-service-token";
import { rollServiceToken } from "@/lib/tokens/roll-service-token";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

const HOUR = 60 * 60 * 1000;
let tenant: Awaited<ReturnType<typeof createTenant>>;
beforeEach(async () => {
  await resetDatabase();
  tenant = await createTenant();
});

const status = async (token: string, now?: Date) => (await verifyServiceToken({ token, now })).status;
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)));

async function accountToken() {
  const { org, owner, audit } = tenant;
  const account = await createServiceAccount({ orgId: org.id, input: { name: "roller", description: "" }, createdById: owner.id, audit });
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "deploy", expiresIn: "30d", rateLimitPerMinute: 42 }, createdById: owner.id, audit });
  const roll = (grace: "none" | "1h" | "24h" | "7d", now = new Date(), tokenId = minted.id) =>
    rollServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, tokenId, grace, createdById: owner.id, audit, now });
  return { account, minted, roll };
}

describe("rollServiceToken", () => {
  it("mints a replacement with the same name, lifetime and rate limit; the old one works until the grace end, then not", async () => {
    const { account, minted, roll } = await accountToken();
    const now = new Date();
    const rolled = await roll("1h", now);
    expect(rolled).toMatchObject({ name: "deploy", rateLimitPerMinute: 42, rolledFromId: minted.id, status: "active" });
    expect(rolled.token).not.toBe(minted.token);
    expect(new Date(rolled.expiresAt).getTime() - now.getTime()).toBeCloseTo(30 * 24 * HOUR, -4);
    expect(rolled.previous).toMatchObject({ id: minted.id, replacedById: rolled.id, expiresAt: new Date(now.getTime() + HOUR).toISOString() });

    expect(await status(rolled.token)).toBe("VALID");
    expect(await status(minted.token, new Date(now.getTime() + HOUR - 1000))).toBe("VALID");
    expect(await status(minted.token, new Date(now.getTime() + HOUR))).toBe("EXPIRED");

    // Both tokens and the link between them are in the API.
    const listed = await listServiceTokens({ orgId: tenant.org.id, owner: { serviceAccountId: account.id }, limit: 50 });
    expect(listed.items.map((t) => [t.id, t.rolledFromId, t.replacedById])).toEqual([
      [rolled.id, minted.id, null],
      [minted.id, null, rolled.id],
    ]);
    const actions = (await db().auditEvent.findMany({ where: { orgId: tenant.org.id, action: { startsWith: "service_token" } }, orderBy: { createdAt: "asc" } })).map((e) => [e.action, e.targetId]);
    expect(actions).toEqual([
      ["service_token.create", minted.id],
      ["service_token.create", rolled.id],
      ["service_token.roll", minted.id],
    ]);
  });

  it("with no grace the old token stops at once; a grace never extends the old token's own expiry", async () => {
    const { minted, roll } = await accountToken();
    const rolled = await roll("none");
    expect(await status(minted.token)).toBe("EXPIRED");
    expect(await status(rolled.token)).toBe("VALID");

    const second = await roll("7d", new Date(), rolled.id);
    expect(new Date(second.previous.expiresAt).getTime()).toBeLessThanOrEqual(new Date(rolled.expiresAt).getTime());
  });

  it("refuses to roll a token twice, a revoked token, or another account's token", async () => {
    const { account, minted, roll } = await accountToken();
    await roll("24h");
    expect(await codeOf(roll("24h"))).toBe("conflict");
    const other = await mintServiceToken({ orgId: tenant.org.id, owner: { serviceAccountId: account.id }, input: { name: "x" }, createdById: tenant.owner.id, audit: tenant.audit });
    await revokeServiceToken({ orgId: tenant.org.id, owner: { serviceAccountId: account.id }, tokenId: other.id, actorUserId: tenant.owner.id, audit: tenant.audit });
    expect(await codeOf(roll("24h", new Date(), other.id))).toBe("conflict");
    const elsewhere = await createServiceAccount({ orgId: tenant.org.id, input: { name: "elsewhere", description: "" }, createdById: tenant.owner.id, audit: tenant.audit });
    expect(
      await codeOf(rollServiceToken({ orgId: tenant.org.id, owner: { serviceAccountId: elsewhere.id }, tokenId: minted.id, grace: "1h", createdById: tenant.owner.id, audit: tenant.audit })),
    ).toBe("not_found");
  });

  it("an org-wide token's replacement keeps its access mode and grants", async () => {
    const server = await db().mcpServer.create({ data: { orgId: tenant.org.id, name: "Search", slug: "search", url: "https://search.example.test/mcp" } });
    const minted = await mintServiceToken({
      orgId: tenant.org.id,
      owner: { orgWide: true },
      input: { name: "ops", accessMode: "FULL_ACCESS", grants: [{ resourceType: "MCP_SERVER", resourceId: server.id, level: "READ" }] },
      createdById: tenant.owner.id,
      audit: tenant.audit,
    });
    const rolled = await rollServiceToken({ orgId: tenant.org.id, owner: { orgWide: true }, tokenId: minted.id, grace: "24h", createdById: tenant.owner.id, audit: tenant.audit });
    expect(rolled).toMatchObject({ orgWide: true, accessMode: "FULL_ACCESS", name: "ops" });
    expect(await db().grant.findMany({ where: { tokenId: rolled.id }, select: { resourceId: true, level: true } })).toEqual([{ resourceId: server.id, level: "READ" }]);
  });
});

describe("listing tokens", () => {
  it("sorts by soonest expiry across pages, filters active tokens with a cursor, and counts what matches", async () => {
    const { org, owner, audit } = tenant;
    const account = await createServiceAccount({ orgId: org.id, input: { name: "lister", description: "" }, createdById: owner.id, audit });
    const mint = (name: string, expiresIn: "1d" | "7d" | "30d") =>
      mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name, expiresIn }, createdById: owner.id, audit });
    await mint("month", "30d");
    await mint("day", "1d");
    await mint("week", "7d");
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listServiceTokens({ orgId: org.id, owner: { serviceAccountId: account.id }, limit: 1, sort: "expires", status: "active", cursor });
      expect(page.total).toBe(3);
      names.push(...page.items.map((t) => t.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(["day", "week", "month"]);
  });
});
