import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { resolveOrgAccess } from "@/lib/orgs/resolve-org-access";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { deleteServiceAccount } from "@/lib/service-accounts/delete-service-account";
import { getServiceAccount } from "@/lib/service-accounts/get-service-account";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { updateServiceAccount } from "@/lib/service-accounts/update-service-account";
import { deleteExpiredTokens } from "@/lib/tokens/delete-expired-tokens";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { revokeServiceToken } from "@/lib/tokens/revoke-service-token";
import { generateServiceToken } from "@/lib/tokens/token-format";
import { verifyServiceToken } from "@/lib/tokens/verify-service-token";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

async function tenantWithAccount(name = "ci-deployer") {
  const tenant = await createTenant();
  const account = await createServiceAccount({ orgId: tenant.org.id, input: { name, description: "" }, createdById: tenant.owner.id, audit: tenant.audit });
  const mint = (input: Parameters<typeof mintServiceToken>[0]["input"] = { name: "" }, now?: Date) =>
    mintServiceToken({ orgId: tenant.org.id, owner: { serviceAccountId: account.id }, input, createdById: tenant.owner.id, audit: tenant.audit, now });
  return { ...tenant, account, mint };
}

const status = async (token: string, now?: Date) => (await verifyServiceToken({ token, now })).status;

describe("service accounts and tokens", () => {
  it("mints a token that verifies as the account, and revoking it stops only that token", async () => {
    const { org, owner, account, audit, mint } = await tenantWithAccount();
    const first = await mint({ name: "deploy" });
    const second = await mint({ name: "backup" });
    const verified = await verifyServiceToken({ token: first.token });
    expect(verified).toEqual({
      status: "VALID",
      principal: { kind: "token", tokenId: first.id, tokenPrefix: first.prefix, orgId: org.id, orgSlug: org.slug, serviceAccount: { id: account.id, name: "ci-deployer", accessMode: "RESTRICTED" }, accessMode: "RESTRICTED", policy: { allowlist: { org: 0, orgMatch: false, account: 0, accountMatch: false }, rateLimitPerMinute: null, slot: null } },
    });

    await revokeServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, tokenId: first.id, actorUserId: owner.id, audit });
    expect(await status(first.token)).toBe("REVOKED");
    expect(await status(second.token)).toBe("VALID");

    const listed = await listServiceTokens({ orgId: org.id, owner: { serviceAccountId: account.id }, limit: 10 });
    expect(listed.items.map((t) => [t.name, t.status])).toEqual([["backup", "active"], ["deploy", "revoked"]]);
    expect(listed.items[1].revokedBy?.id).toBe(owner.id);
    expect(JSON.stringify(listed)).not.toContain(first.token);
  });

  it("disabling the account stops all its tokens; enabling brings back all but the revoked", async () => {
    const { org, owner, account, audit, mint } = await tenantWithAccount();
    const kept = await mint();
    const revoked = await mint();
    await revokeServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, tokenId: revoked.id, actorUserId: owner.id, audit });

    const disabled = await updateServiceAccount({ orgId: org.id, serviceAccountId: account.id, input: { status: "DISABLED" }, actorUserId: owner.id, audit });
    expect(disabled).toMatchObject({ status: "DISABLED", disabledBy: { id: owner.id } });
    expect(await status(kept.token)).toBe("DISABLED");
    expect(await status(revoked.token)).toBe("REVOKED");
    // A disabled account's live tokens are suspended, counted apart from active ones.
    expect(disabled).toMatchObject({ activeTokenCount: 0, suspendedTokenCount: 1 });
    const owner_ = { serviceAccountId: account.id };
    const listed = await listServiceTokens({ orgId: org.id, owner: owner_, limit: 50 });
    expect(listed.items.map((t) => [t.id, t.status])).toEqual([[revoked.id, "revoked"], [kept.id, "suspended"]]);
    expect((await listServiceTokens({ orgId: org.id, owner: owner_, limit: 50, status: "active" })).items).toEqual([]);
    expect((await listServiceTokens({ orgId: org.id, owner: owner_, limit: 50, status: "suspended" })).items.map((t) => t.id)).toEqual([kept.id]);

    const enabled = await updateServiceAccount({ orgId: org.id, serviceAccountId: account.id, input: { status: "ACTIVE" }, actorUserId: owner.id, audit });
    expect(enabled).toMatchObject({ status: "ACTIVE", disabledAt: null, activeTokenCount: 1, suspendedTokenCount: 0 });
    expect((await listServiceTokens({ orgId: org.id, owner: owner_, limit: 50, status: "active" })).items.map((t) => t.id)).toEqual([kept.id]);
    expect(await status(kept.token)).toBe("VALID");
    expect(await status(revoked.token)).toBe("REVOKED");

    const actions = (await db().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "service_account.create",
      "service_token.create",
      "service_token.create",
      "service_token.revoke",
      "service_account.disable",
      "service_account.enable",
    ]);
  });

  it("stops a token at the instant it expires", async () => {
    const { mint } = await tenantWithAccount();
    const minted = await mint({ name: "", expiresIn: "1h" });
    const expiry = new Date(minted.expiresAt).getTime();
    expect(await status(minted.token, new Date(expiry - 1000))).toBe("VALID");
    expect(await status(minted.token, new Date(expiry))).toBe("EXPIRED");
    expect(await status(minted.token, new Date(expiry + 1000))).toBe("EXPIRED");
  });

  it("tells malformed and unknown tokens apart internally without touching the database for garbage", async () => {
    expect(await status("alk_svc_nonsense")).toBe("MALFORMED");
    expect(await status(generateServiceToken().token)).toBe("NOT_FOUND");
  });

  it("refuses a lifetime outside 1 hour to 1 year, naming the field, and stores nothing", async () => {
    const { org, mint } = await tenantWithAccount();
    const error = await mint({ name: "", expiresAt: new Date(Date.now() + 2 * 365 * 86_400_000).toISOString() }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.fields).toEqual([{ field: "expiresAt", message: "A token can live at most 1 year" }]);
    expect(await db().serviceToken.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("deleting an account revokes its tokens and keeps them for the audit trail", async () => {
    const { org, owner, account, audit, mint } = await tenantWithAccount();
    const minted = await mint();
    await deleteServiceAccount({ orgId: org.id, serviceAccountId: account.id, actorUserId: owner.id, audit });
    expect(await status(minted.token)).toBe("REVOKED");
    const kept = await db().serviceToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(kept).toMatchObject({ serviceAccountId: null, orgWide: false, revokedById: owner.id });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "service_account.delete" } });
    expect(event.after).toEqual({ revokedTokens: [minted.prefix] });
    // The name is free again.
    await expect(createServiceAccount({ orgId: org.id, input: { name: "ci-deployer", description: "" }, createdById: owner.id, audit })).resolves.toBeTruthy();
  });

  it("mints org-wide tokens that belong to no account", async () => {
    const { org, owner, audit } = await createTenant();
    const minted = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "one-off script" }, createdById: owner.id, audit });
    const verified = await verifyServiceToken({ token: minted.token });
    expect(verified.status === "VALID" && verified.principal.serviceAccount).toBeNull();
    expect((await listServiceTokens({ orgId: org.id, owner: { orgWide: true }, limit: 10 })).items.map((t) => t.id)).toEqual([minted.id]);
    await revokeServiceToken({ orgId: org.id, owner: { orgWide: true }, tokenId: minted.id, actorUserId: owner.id, audit });
    expect(await status(minted.token)).toBe("REVOKED");
  });

  it("keeps organization B away from organization A's accounts and tokens (404), and A's token out of B", async () => {
    const a = await tenantWithAccount();
    const b = await createTenant();
    const minted = await a.mint();
    const asB = { orgId: b.org.id, actorUserId: b.owner.id, audit: b.audit };
    expect(await codeOf(getServiceAccount({ orgId: b.org.id, serviceAccountId: a.account.id }))).toBe("not_found");
    expect(await codeOf(updateServiceAccount({ ...asB, serviceAccountId: a.account.id, input: { status: "DISABLED" } }))).toBe("not_found");
    expect(await codeOf(deleteServiceAccount({ ...asB, serviceAccountId: a.account.id }))).toBe("not_found");
    expect(
      await codeOf(mintServiceToken({ orgId: b.org.id, owner: { serviceAccountId: a.account.id }, input: { name: "" }, createdById: b.owner.id, audit: b.audit })),
    ).toBe("not_found");
    expect(await codeOf(listServiceTokens({ orgId: b.org.id, owner: { serviceAccountId: a.account.id }, limit: 10 }))).toBe("not_found");
    expect(await codeOf(revokeServiceToken({ ...asB, owner: { serviceAccountId: a.account.id }, tokenId: minted.id }))).toBe("not_found");
    expect(await codeOf(revokeServiceToken({ ...asB, owner: { orgWide: true }, tokenId: minted.id }))).toBe("not_found");
    expect((await listServiceAccounts({ orgId: b.org.id, limit: 10 })).items).toEqual([]);

    const verified = await verifyServiceToken({ token: minted.token });
    if (verified.status !== "VALID") throw new Error("expected a valid token");
    await expect(resolveOrgAccess({ slug: b.org.slug, principal: verified.principal })).rejects.toMatchObject({ bearerError: "invalid_token" });
    await expect(resolveOrgAccess({ slug: a.org.slug, principal: verified.principal })).resolves.toMatchObject({ org: { id: a.org.id } });

    expect(await status(minted.token)).toBe("VALID");
    expect(await db().auditEvent.count({ where: { orgId: b.org.id } })).toBe(0);
  });

  it("lists accounts newest first with search, status filter and active token counts", async () => {
    const { org, owner, audit, mint } = await tenantWithAccount("alpha-bot");
    await mint();
    await mint();
    const beta = await createServiceAccount({ orgId: org.id, input: { name: "beta-bot", description: "" }, createdById: owner.id, audit });
    await updateServiceAccount({ orgId: org.id, serviceAccountId: beta.id, input: { status: "DISABLED" }, actorUserId: owner.id, audit });
    const all = await listServiceAccounts({ orgId: org.id, limit: 10 });
    expect(all.items.map((a) => [a.name, a.activeTokenCount, a.status])).toEqual([["beta-bot", 0, "DISABLED"], ["alpha-bot", 2, "ACTIVE"]]);
    expect((await listServiceAccounts({ orgId: org.id, limit: 10, search: "ALPHA" })).items.map((a) => a.name)).toEqual(["alpha-bot"]);
    expect((await listServiceAccounts({ orgId: org.id, limit: 10, status: "DISABLED" })).items.map((a) => a.name)).toEqual(["beta-bot"]);
    const page1 = await listServiceAccounts({ orgId: org.id, limit: 1 });
    const page2 = await listServiceAccounts({ orgId: org.id, limit: 1, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((a) => a.name)).toEqual(["beta-bot", "alpha-bot"]);
    expect(page1.total).toBe(2);
  });

  it("sorts accounts by name or age, pages through each order, and counts what matches", async () => {
    const { org, owner, audit } = await tenantWithAccount("m-bot");
    for (const name of ["z-bot", "a-bot"]) await createServiceAccount({ orgId: org.id, input: { name, description: "" }, createdById: owner.id, audit });
    const pages = async (sort: "name" | "-name" | "oldest", search?: string) => {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listServiceAccounts({ orgId: org.id, limit: 1, sort, cursor, search });
        names.push(...page.items.map((a) => a.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return names;
    };
    expect(await pages("name")).toEqual(["a-bot", "m-bot", "z-bot"]);
    expect(await pages("-name")).toEqual(["z-bot", "m-bot", "a-bot"]);
    expect(await pages("oldest")).toEqual(["m-bot", "z-bot", "a-bot"]);
    expect(await pages("name", "z-")).toEqual(["z-bot"]);
    expect((await listServiceAccounts({ orgId: org.id, limit: 1, search: "bot" })).total).toBe(3);
  });

  it("the cleanup job deletes tokens expired past the retention, keeps revoked ones, and audits what went", async () => {
    const { org, owner, account, audit, mint } = await tenantWithAccount();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    const expired = await mint({ name: "old", expiresIn: "1d" }, longAgo);
    const revokedExpired = await mint({ name: "old-revoked", expiresIn: "1d" }, longAgo);
    await revokeServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, tokenId: revokedExpired.id, actorUserId: owner.id, audit });
    const live = await mint({ name: "live" });

    expect(await deleteExpiredTokens({ retentionDays: 60 })).toEqual({ ran: true, deleted: 0 });
    expect(await deleteExpiredTokens({ retentionDays: 0 })).toEqual({ ran: true, deleted: 1 });
    const left = await db().serviceToken.findMany({ where: { orgId: org.id }, select: { id: true } });
    expect(left.map((t) => t.id).sort()).toEqual([revokedExpired.id, live.id].sort());
    expect(await status(live.token)).toBe("VALID");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "service_token.purge_expired" } });
    expect(event).toMatchObject({ actorKind: "SYSTEM", before: { prefixes: [expired.prefix] } });
  });

  // A second instance needs a second database session, which the embedded
  // PGlite (one session at a time) cannot give: real PostgreSQL only.
  it.runIf(process.env.TEST_DATABASE_KIND === "postgres")("runs the cleanup on one instance at a time: while another holds the lock, it skips", async () => {
    const { mint } = await tenantWithAccount();
    await mint({ name: "old", expiresIn: "1d" }, new Date(Date.now() - 30 * 86_400_000));
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(72707371)");
      expect(await deleteExpiredTokens({ retentionDays: 0 })).toEqual({ ran: false, deleted: 0 });
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(await deleteExpiredTokens({ retentionDays: 0 })).toEqual({ ran: true, deleted: 1 });
  });

  it("stores no token in clear: not in any table, not in the audit rows", async () => {
    const { org, owner, account, audit, mint } = await tenantWithAccount();
    const tokens = [(await mint()).token, (await mint({ name: "x", expiresIn: "1h" })).token];
    const orgWide = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "" }, createdById: owner.id, audit });
    tokens.push(orgWide.token);
    await deleteServiceAccount({ orgId: org.id, serviceAccountId: account.id, actorUserId: owner.id, audit });

    const tables = await db().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    for (const { tablename } of tables) {
      const rows = await db().$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${tablename}" t`);
      const dump = rows.map((r) => r.row).join("\n");
      for (const token of tokens) expect(dump, tablename).not.toContain(token);
      expect(dump, tablename).not.toMatch(/alk_svc_[0-9A-Za-z]{38}/);
    }
  });
});
