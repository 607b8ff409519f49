import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/prisma";
import { env, oidcEnabled } from "@/lib/env";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { normalizeEmail } from "@/lib/members/email";
import { clientIp } from "@/lib/client-ip";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { endUserSession } from "@/lib/members/end-user-session";
import { openUserSession } from "@/lib/members/open-user-session";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** The error code the login page turns into its one generic message. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

// Built per call because the secret and OIDC settings are read from the
// environment after start-up fills it in.
export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password || email.length > 254 || password.length > 1024) return null;
          const ip = clientIp(new Headers(req.headers as Record<string, string>));
          const result = await authenticateWithPassword({ email, password, ip });
          if (result.outcome === "rate_limited") throw new Error(SIGN_IN_RATE_LIMITED);
          return result.outcome === "ok" ? result.user : null;
        },
      }),
      ...(oidcEnabled(config)
        ? [
            {
              id: "oidc",
              name: config.OIDC_NAME,
              type: "oauth" as const,
              wellKnown: `${config.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
              clientId: config.OIDC_CLIENT_ID,
              clientSecret: config.OIDC_CLIENT_SECRET,
              idToken: true,
              checks: ["pkce" as const, "state" as const],
              authorization: { params: { scope: "openid email profile" } },
              profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
                return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? "" };
              },
            },
          ]
        : []),
    ],
    callbacks: {
      // Only same-origin paths, read as a browser reads them (no open redirect after sign-in or sign-out).
      redirect({ url, baseUrl }) {
        return `${baseUrl.replace(/\/$/, "")}${safeReturnPath(url, baseUrl)}`;
      },
      // OIDC signs in people an admin already added (matched by verified
      // email); it never creates accounts on its own.
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        // A provider that does not say the email is verified is not trusted with it (the "nOAuth" attack),
        // unless OIDC_TRUST_UNVERIFIED_EMAIL=true says this provider's emails are always its own.
        const claim = (profile as { email_verified?: boolean | string } | undefined)?.email_verified;
        const verified = claim === true || claim === "true" || (claim === undefined && config.OIDC_TRUST_UNVERIFIED_EMAIL);
        if (!user.email || !verified) return false;
        const existing = await db().user.findUnique({ where: { email: normalizeEmail(user.email) } });
        return Boolean(existing && !existing.disabledAt);
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc") {
          const existing = await db().user.findUniqueOrThrow({ where: { email: normalizeEmail(user.email!) } });
          token.uid = existing.id;
        } else if (user) {
          token.uid = user.id;
        }
        // A sign-in opens a server-side session; the cookie is only good while it stays open.
        if (user && typeof token.uid === "string") token.sid = await openUserSession({ userId: token.uid, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string | undefined;
        // The session's id (not a credential: useless without the signed cookie), for getSessionPrincipal.
        (session as { sid?: string }).sid = token.sid as string | undefined;
        return session;
      },
    },
    events: {
      // POST /api/auth/signout: the session ends on the server too, so a copy of the cookie is worthless.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession({ sessionId: token.sid });
      },
    },
  };
}
