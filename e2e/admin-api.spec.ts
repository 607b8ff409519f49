import { db, expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// Black-box tests of the /v1 admin API over real HTTP against the production build.

const json = (origin = E2E.baseURL) => ({ "content-type": "application/json", origin });

test.describe("admin API", () => {
  test("refuses anonymous callers with a problem+json 401", async ({ request, tenant }) => {
    const response = await request.get(`/v1/orgs/${tenant.slug}/members`);
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 401, code: "unauthorized" });
    expect(problem.requestId).toBe(response.headers()["x-request-id"]);
  });

  test("manages groups and members end to end, writing an audit event for each change", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const base = `/v1/orgs/${tenant.slug}`;
    const created = await request.post(`${base}/groups`, { headers: json(), data: { name: "Release", description: "Ships it" } });
    expect(created.status()).toBe(201);
    const group = await created.json();

    const stamp = Date.now();
    const added = await request.post(`${base}/members`, { headers: json(), data: { email: `New.Hire.${stamp}@Example.test`, name: "New Hire", role: "MEMBER" } });
    expect(added.status()).toBe(201);
    const { member, oneTimePassword } = await added.json();
    expect(member.email).toBe(`new.hire.${stamp}@example.test`);
    expect(oneTimePassword).toHaveLength(20);
    expect(added.headers()["cache-control"]).toBe("no-store");

    expect((await request.post(`${base}/groups/${group.id}/members`, { headers: json(), data: { userId: member.userId } })).status()).toBe(201);
    const detail = await (await request.get(`${base}/groups/${group.id}`)).json();
    expect(detail.members.map((m: { email: string }) => m.email)).toEqual([`new.hire.${stamp}@example.test`]);

    const patched = await request.patch(`${base}/members/${member.userId}`, { headers: json(), data: { role: "ADMIN" } });
    expect((await patched.json()).role).toBe("ADMIN");
    expect((await request.delete(`${base}/groups/${group.id}/members/${member.userId}`, { headers: json() })).status()).toBe(204);
    expect((await request.delete(`${base}/members/${member.userId}`, { headers: json() })).status()).toBe(204);
    expect((await request.delete(`${base}/groups/${group.id}`, { headers: json() })).status()).toBe(204);

    const events = await db().auditEvent.findMany({ where: { orgId: tenant.orgId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "group.create",
      "member.add",
      "group.member.add",
      "member.update",
      "group.member.remove",
      "member.remove",
      "group.delete",
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ actorKind: "USER", actorId: tenant.owner.id, actorLabel: tenant.owner.email });
      expect(event.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
      expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(JSON.stringify(events, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain(oneTimePassword);
  });

  test("answers 404 for another organization and for its objects", async ({ request, tenant }) => {
    const other = await db().organization.create({ data: { slug: `other-${Date.now()}`, name: "Other" } });
    const foreignGroup = await db().group.create({ data: { orgId: other.id, name: "Theirs" } });
    await signIn(request, tenant.owner);

    const orgResponse = await request.get(`/v1/orgs/${other.slug}/groups`);
    expect(orgResponse.status()).toBe(404);
    expect(await (await request.get(`/v1/orgs/no-such-org/groups`)).json()).toMatchObject({ status: 404, detail: "Organization not found" });
    for (const [method, path] of [
      ["GET", `/groups/${foreignGroup.id}`],
      ["PATCH", `/groups/${foreignGroup.id}`],
      ["DELETE", `/groups/${foreignGroup.id}`],
      ["GET", `/groups/not-a-uuid`],
    ] as const) {
      const response = await request.fetch(`/v1/orgs/${tenant.slug}${path}`, { method, headers: json(), data: method === "PATCH" ? { name: "Mine" } : undefined });
      expect(response.status(), `${method} ${path}`).toBe(404);
    }
    expect((await db().group.findUniqueOrThrow({ where: { id: foreignGroup.id } })).name).toBe("Theirs");
  });

  test("refuses cookie-authenticated mutations without a same-origin Origin", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const url = `/v1/orgs/${tenant.slug}/groups`;
    for (const headers of [{ "content-type": "application/json" }, json("https://evil.example")]) {
      const response = await request.post(url, { headers, data: { name: "CSRF" } });
      expect(response.status()).toBe(403);
      expect((await response.json()).detail).toMatch(/Origin/);
    }
    expect(await db().group.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  test("names what is wrong with a bad request", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    const url = `/v1/orgs/${tenant.slug}/groups`;

    const unknownField = await (await request.post(url, { headers: json(), data: { name: "Ops", orgId: "x" } })).json();
    expect(unknownField).toMatchObject({ status: 400, errors: [{ field: "orgId", message: "Unknown field" }] });

    const empty = await (await request.post(url, { headers: json(), data: { name: "" } })).json();
    expect(empty.errors).toEqual([{ field: "name", message: "Name is required" }]);

    const badJson = await request.post(url, { headers: json(), data: Buffer.from("{oops") });
    expect((await badJson.json()).detail).toMatch(/not valid JSON/);

    const tooBig = await request.post(url, { headers: json(), data: { name: "x", description: "y".repeat(1024 * 1024 + 10) } });
    expect(tooBig.status()).toBe(413);

    expect((await request.get(`${url}?cursor=garbage`)).status()).toBe(400);
    expect((await (await request.get(`${url}?limit=101`)).json()).errors[0].field).toBe("limit");

    await request.post(url, { headers: json(), data: { name: "Ops" } });
    const duplicate = await request.post(url, { headers: json(), data: { name: "Ops" } });
    expect(duplicate.status()).toBe(409);
    expect((await duplicate.json()).detail).toBe("A group with this name already exists");
  });

  test("pages through members with an opaque cursor", async ({ request, tenant }) => {
    for (let i = 0; i < 3; i++) await tenant.addPerson("MEMBER");
    await signIn(request, tenant.owner);
    const first = await (await request.get(`/v1/orgs/${tenant.slug}/members?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    const second = await (await request.get(`/v1/orgs/${tenant.slug}/members?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  test("MEMBER can read the organization but not manage it", async ({ request, tenant }) => {
    const member = await tenant.addPerson("MEMBER");
    await signIn(request, member);
    expect((await request.get(`/v1/orgs/${tenant.slug}`)).status()).toBe(200);
    expect((await request.get(`/v1/orgs/${tenant.slug}/members`)).status()).toBe(403);
    expect((await request.post(`/v1/orgs/${tenant.slug}/groups`, { headers: json(), data: { name: "Mine" } })).status()).toBe(403);
  });

  test("a disabled user or a removed membership loses access at the next request", async ({ request, tenant }) => {
    const admin = await tenant.addPerson("ADMIN");
    await signIn(request, admin);
    expect((await request.get(`/v1/orgs/${tenant.slug}/members`)).status()).toBe(200);

    await db().membership.deleteMany({ where: { orgId: tenant.orgId, userId: admin.id } });
    expect((await request.get(`/v1/orgs/${tenant.slug}/members`)).status()).toBe(404);

    await db().membership.create({ data: { orgId: tenant.orgId, userId: admin.id, role: "ADMIN" } });
    expect((await request.get(`/v1/orgs/${tenant.slug}/members`)).status()).toBe(200);
    await db().user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    expect((await request.get(`/v1/orgs/${tenant.slug}/members`)).status()).toBe(401);
  });

  test("ignores a forged peer-address header", async ({ request, tenant }) => {
    await signIn(request, tenant.owner);
    await request.post(`/v1/orgs/${tenant.slug}/groups`, {
      headers: { ...json(), "x-control-room-peer": "6.6.6.6", "x-forwarded-for": "7.7.7.7" },
      data: { name: "Spoof" },
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: tenant.orgId, action: "group.create" } });
    expect(event.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
