import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db/prisma";
import { authOptions } from "@/lib/auth/auth-options";
import { resetEnvCache } from "@/lib/env";
import { createUser } from "@/lib/testing/fixtures";
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
