import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { withIdempotencyKey } from "@/lib/idempotency/with-idempotency-key";
import { pruneIdempotencyKeys } from "@/lib/idempotency/prune-idempotency-keys";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { addUserToOrg, auditContextFor, createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

let tenant: Awaited<ReturnType<typeof createTenant>>;
beforeEach(async () => {
  await resetDatabase();
  tenant = await createTenant();
});

const request = (key: string | null, path = "/v1/orgs/x/service-accounts") =>
  new Request(`http://localhost${path}`, { method: "POST", headers: key ? { "idempotency-key": `"${key}"` } : {} });

function createAccount(key: string | null, name: string, audit = tenant.audit) {
  const body = { name, description: "" };
  return withIdempotencyKey({ req: request(key), orgId: tenant.org.id, actor: audit.actor, body, status: 201 }, () =>
    createServiceAccount({ orgId: tenant.org.id, input: body, createdById: tenant.owner.id, audit }),
  );
}

const caught = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("withIdempotencyKey", () => {
  it("replays the first answer for the same key and body, creating nothing twice", async () => {
    const first = (await createAccount("k1", "ci-bot")) as { id: string };
    const again = await createAccount("k1", "ci-bot");
    expect(again).toBeInstanceOf(Response);
    const replayed = again as Response;
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replayed.json()) as { id: string }).id).toBe(first.id);
    expect(await db().serviceAccount.count({ where: { orgId: tenant.org.id } })).toBe(1);
  });

  it("answers 422 for the same key with another body, and creates nothing", async () => {
    await createAccount("k2", "ci-bot");
    const error = await caught(createAccount("k2", "other-bot"));
    expect(error?.code).toBe("unprocessable");
    expect(await db().serviceAccount.count({ where: { orgId: tenant.org.id } })).toBe(1);
  });

  it("keeps keys apart per actor, and runs every request without a key", async () => {
    const other = await addUserToOrg(tenant.org.id, "ADMIN");
    await createAccount("k3", "a-bot");
    expect(await createAccount("k3", "b-bot", auditContextFor(other))).not.toBeInstanceOf(Response);
    await createAccount(null, "c-bot");
    expect(await db().serviceAccount.count({ where: { orgId: tenant.org.id } })).toBe(3);
  });

  it("frees the key when the first request failed, so a retry runs", async () => {
    await createAccount(null, "taken");
    expect(await caught(createAccount("k4", "taken"))).toBeTruthy(); // the name is taken (409 on the wire)
    await db().serviceAccount.deleteMany({ where: { orgId: tenant.org.id } });
    expect(await createAccount("k4", "taken")).not.toBeInstanceOf(Response);
  });

  it("mints once for two concurrent requests with one key, never replays the secret, and stores no token", async () => {
    const account = (await createServiceAccount({ orgId: tenant.org.id, input: { name: "bot", description: "" }, createdById: tenant.owner.id, audit: tenant.audit })) as { id: string };
    const body = { name: "deploy" };
    const mint = () =>
      withIdempotencyKey({ req: request("mint-1", `/v1/orgs/x/service-accounts/${account.id}/tokens`), orgId: tenant.org.id, actor: tenant.audit.actor, body, status: 201, replay: "never" }, () =>
        mintServiceToken({ orgId: tenant.org.id, owner: { serviceAccountId: account.id }, input: body, createdById: tenant.owner.id, audit: tenant.audit }),
      );
    const outcomes = await Promise.allSettled([mint(), mint()]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("conflict");
    const later = await caught(mint());
    expect(later?.code).toBe("conflict");
    expect(later?.message).toMatch(/shown once/);
    expect(await db().serviceToken.count({ where: { serviceAccountId: account.id } })).toBe(1);
    const stored = await db().idempotencyKey.findMany({ where: { orgId: tenant.org.id, key: "mint-1" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.response).toBeNull();
    expect(stored[0]!.status).toBe(201);
  });

  it("treats a key older than 24 hours as new, and the cleanup removes it", async () => {
    await createAccount("k5", "old-bot");
    await db().idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await createAccount("k5", "new-bot")).not.toBeInstanceOf(Response);
    await db().idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await pruneIdempotencyKeys()).deleted).toBe(1);
  });
});
