import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db/prisma";
import { authOptions } from "@/lib/auth/auth-options";
import { resetEnvCache } from "@/lib/env";
import { addUserToOrg, createTenant, createUser } from "@/lib/testing/fixtures";
import { principalOfSession } from "@/lib/auth/get-session-principal";
import { endAllUserSessions } from "@/lib/members/end-all-user-sessions";
import { removeMember } from "@/lib/members/remove-member";
import { resetDatabase } from "@/lib/testing/reset-database";

const OIDC = { OIDC_ISSUER: "https://sso.example.test/", OIDC_CLIENT_ID: "control-room", OIDC_CLIENT_SECRET: "s3cret" };

beforeEach(async () => {
  await resetDatabase();
  Object.assign(process.env, OIDC);
  resetEnvCache();
});
afterEach(() => {
  for (const key of Object.keys(OIDC)) delete process.env[key];
  resetEnvCache();
});

const oidcSignIn = (email: string, profile: Partial<Profile> & { email_verified?: boolean } = {}) =>
  authOptions().callbacks!.signIn!({
    user: { id: "sub-1", email } as User,
    account: { provider: "oidc", type: "oauth", providerAccountId: "sub-1" } as Account,
    profile: { email, ...profile } as Profile,
  });

describe("OIDC sign-in", () => {
  it("offers the provider only when issuer, client id and secret are all set", () => {
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials", "oidc"]);
    const oidc = authOptions().providers.find((p) => p.id === "oidc") as { wellKnown?: string };
    expect(oidc.wellKnown).toBe("https://sso.example.test/.well-known/openid-configuration");
    delete process.env.OIDC_CLIENT_SECRET;
    resetEnvCache();
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
  });

  it("signs in only people an admin already added, by verified email", async () => {
    const user = await createUser({ email: "ada@example.test" });
    expect(await oidcSignIn("Ada@Example.test", { email_verified: true })).toBe(true);
    expect(await oidcSignIn("stranger@example.test", { email_verified: true })).toBe(false);
    expect(await oidcSignIn("ada@example.test", { email_verified: false })).toBe(false);
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await oidcSignIn("ada@example.test", { email_verified: true })).toBe(false);
  });

  it("does not trust an email the provider does not call verified, unless told to", async () => {
    await createUser({ email: "ada@example.test" });
    expect(await oidcSignIn("ada@example.test")).toBe(false);
    process.env.OIDC_TRUST_UNVERIFIED_EMAIL = "true";
    resetEnvCache();
    try {
      expect(await oidcSignIn("ada@example.test")).toBe(true);
    } finally {
      delete process.env.OIDC_TRUST_UNVERIFIED_EMAIL;
    }
  });

  it("puts the Control Room user id, not the provider's subject, into the session token", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const token = await authOptions().callbacks!.jwt!({
      token: {},
      user: { id: "provider-subject", email: "ada@example.test" } as User,
      account: { provider: "oidc", type: "oauth", providerAccountId: "provider-subject" } as Account,
    });
    expect(token.uid).toBe(user.id);
  });
});

describe("server-side sessions", () => {
  async function signInAs(user: { id: string; email: string; name: string }) {
    const token = await authOptions().callbacks!.jwt!({ token: {}, user: user as User, account: { provider: "credentials", type: "credentials", providerAccountId: user.id } as Account });
    expect(token.sid).toEqual(expect.any(String));
    return token;
  }
  const principal = (token: Record<string, unknown>) => principalOfSession({ userId: String(token.uid), sessionId: String(token.sid) });

  it("opens a session at sign-in that the cookie is good for, and sign-out ends it on the server", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const token = await signInAs(user);
    expect(await principal(token)).toMatchObject({ kind: "user", userId: user.id });
    await authOptions().events!.signOut!({ token, session: null as never });
    // The same cookie, replayed after sign-out, is nobody.
    expect(await principal(token)).toBeNull();
  });

  it("ends every session of a person when they sign out everywhere, and only theirs", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const other = await createUser({ email: "bob@example.test" });
    const [laptop, phone, bobs] = [await signInAs(user), await signInAs(user), await signInAs(other)];
    expect(await endAllUserSessions({ userId: user.id })).toBe(2);
    expect(await principal(laptop)).toBeNull();
    expect(await principal(phone)).toBeNull();
    expect(await principal(bobs)).toMatchObject({ userId: other.id });
  });

  it("ends a person's sessions when they are removed from their last organization", async () => {
    const { org, audit } = await createTenant();
    const member = await addUserToOrg(org.id, "ADMIN");
    const token = await signInAs(member);
    await removeMember({ orgId: org.id, userId: member.id, actorRole: "OWNER", audit });
    expect(await principal(token)).toBeNull();
  });

  it("keeps the sign-in of a person removed from one organization who belongs to another: that admin cannot sign them out there", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const person = await addUserToOrg(b.org.id, "OWNER");
    await db().membership.create({ data: { orgId: a.org.id, userId: person.id, role: "MEMBER" } });
    const token = await signInAs(person);
    await removeMember({ orgId: a.org.id, userId: person.id, actorRole: "OWNER", audit: a.audit });
    expect(await principal(token)).toMatchObject({ userId: person.id });
  });

  it("refuses a session that expired, of a disabled person, or that names another person", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const other = await createUser({ email: "bob@example.test" });
    const expired = await signInAs(user);
    await db().userSession.update({ where: { id: String(expired.sid) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await principal(expired)).toBeNull();
    const forged = await signInAs(user);
    expect(await principalOfSession({ userId: other.id, sessionId: String(forged.sid) })).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await principal(forged)).toBeNull();
    expect(await principalOfSession({ userId: "not-a-uuid", sessionId: "x" })).toBeNull();
  });
});
