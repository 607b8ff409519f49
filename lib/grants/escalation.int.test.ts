import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessModeRoute from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/access-mode/route";
import * as grantsRoute from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/grants/route";
import * as accountRoute from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/route";
import * as tokensRoute from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/route";
import * as tokenRoute from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/[tokenId]/route";
import * as orgTokensRoute from "@/app/v1/orgs/[orgSlug]/service-tokens/route";
import * as orgTokenGrantsRoute from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/grants/route";
import * as assignmentsRoute from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/assignments/route";
import * as membersRoute from "@/app/v1/orgs/[orgSlug]/members/route";
import { db } from "@/lib/db/prisma";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { updateServiceAccount } from "@/lib/service-accounts/update-service-account";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { createToolset } from "@/lib/toolsets/create-toolset";
import { createTenant } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

// A service token trying to widen its own powers: every attempt refused, nothing changed.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let accountId: string;
let token: string;
let tokenId: string;
let toolsetId: string;
let orgToken: { id: string; token: string };

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  await resetDatabase();
  tenant = await createTenant();
  const { org, owner, audit } = tenant;
  const account = await createServiceAccount({ orgId: org.id, input: { name: "ambitious-bot", description: "" }, createdById: owner.id, audit });
  accountId = account.id;
  const minted = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "" }, createdById: owner.id, audit });
  token = minted.token;
  tokenId = minted.id;
  orgToken = await mintServiceToken({ orgId: org.id, owner: { orgWide: true }, input: { name: "script" }, createdById: owner.id, audit });
  toolsetId = (await createToolset({ orgId: org.id, input: { name: "Everything", description: "" }, audit })).id;
});
afterAll(() => undefined);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function asBot(handler: Handler, bearer: string, params: Record<string, string>, method: string, body?: unknown) {
  return handler(
    new Request("http://localhost/v1/orgs/x", {
      method,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ orgSlug: tenant.org.slug, ...params }) },
  );
}

async function snapshot() {
  const [account, grants, tokens, assignments, audit] = await Promise.all([
    db().serviceAccount.findUniqueOrThrow({ where: { id: accountId }, select: { status: true, accessMode: true } }),
    db().grant.count({ where: { orgId: tenant.org.id } }),
    db().serviceToken.count({ where: { orgId: tenant.org.id } }),
    db().toolsetAssignment.count({ where: { orgId: tenant.org.id } }),
    db().auditEvent.count({ where: { orgId: tenant.org.id } }),
  ]);
  return { account, grants, tokens, assignments, audit };
}

describe("a service token cannot escalate", () => {
  it.each([
    ["grant itself Write on a toolset", () => asBot(grantsRoute.PATCH, token, { serviceAccountId: accountId }, "PATCH", { grants: [{ resourceType: "TOOLSET", resourceId: toolsetId, level: "WRITE" }] })],
    ["switch itself to Full Access", () => asBot(accessModeRoute.PUT, token, { serviceAccountId: accountId }, "PUT", { accessMode: "FULL_ACCESS" })],
    ["mint itself a token", () => asBot(tokensRoute.POST, token, { serviceAccountId: accountId }, "POST", { name: "spare" })],
    ["mint an org-wide token", () => asBot(orgTokensRoute.POST, token, {}, "POST", { accessMode: "FULL_ACCESS" })],
    ["enable itself", () => asBot(accountRoute.PATCH, token, { serviceAccountId: accountId }, "PATCH", { status: "ACTIVE" })],
    ["revoke a token", () => asBot(tokenRoute.DELETE, token, { serviceAccountId: accountId, tokenId }, "DELETE")],
    ["assign itself a toolset", () => asBot(assignmentsRoute.POST, token, { toolsetId }, "POST", { serviceAccountId: accountId })],
    ["grant an org-wide token anything (as that token)", () => asBot(orgTokenGrantsRoute.PATCH, orgToken.token, { tokenId: orgToken.id }, "PATCH", { grants: [{ resourceType: "TOOLSET", resourceId: toolsetId, level: "WRITE" }] })],
    ["add a member", () => asBot(membersRoute.POST, token, {}, "POST", { email: "x@example.test", name: "X", role: "OWNER" })],
  ])("refuses to %s (403) and changes nothing", async (_, attempt) => {
    const before = await snapshot();
    const response = await attempt();
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(await snapshot()).toEqual(before);
  });

  it("cannot bring a disabled account back, and its token dies with it", async () => {
    await updateServiceAccount({ orgId: tenant.org.id, serviceAccountId: accountId, input: { status: "DISABLED" }, actorUserId: tenant.owner.id, audit: tenant.audit });
    const response = await asBot(accountRoute.PATCH, token, { serviceAccountId: accountId }, "PATCH", { status: "ACTIVE" });
    expect(response.status).toBe(401);
    expect((await db().serviceAccount.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("DISABLED");
  });

  it("cannot delete an audit event: there is no route for it, and the database refuses it anyway", async () => {
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: tenant.org.id } });
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
  });
});
