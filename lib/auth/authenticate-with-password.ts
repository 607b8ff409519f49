import { db } from "@/lib/db/prisma";
import { burnPasswordCheck, verifyPassword } from "@/lib/members/password";
import { normalizeEmail } from "@/lib/members/email";
import { consumeRateLimit, refundRateLimit, type RateLimitRule } from "@/lib/rate-limit/gcra";
import { logger } from "@/lib/logger";

// Failed sign-ins are throttled the way OWASP's Authentication Cheat Sheet
// advises: a back-off per email *and* client IP pair, and a higher cap per
// client IP (password spraying). There is no limit per email alone: one would
// let anyone lock the owner out from anywhere; a guesser elsewhere slows
// only itself. Every attempt takes its slots before the password is checked
// (so parallel guesses cannot all slip past the check), and a successful one
// gives them back: only failures count.
export const SIGN_IN_LIMIT_PER_EMAIL_AND_IP: RateLimitRule = { limit: 10, windowMs: 15 * 60_000 };
export const SIGN_IN_LIMIT_PER_IP: RateLimitRule = { limit: 100, windowMs: 15 * 60_000 };

export type PasswordSignIn =
  | { outcome: "ok"; user: { id: string; email: string; name: string } }
  | { outcome: "invalid" }
  | { outcome: "rate_limited"; retryAfterMs: number };

export async function authenticateWithPassword({
  email,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string | null;
}): Promise<PasswordSignIn> {
  const normalized = normalizeEmail(email);
  const keys = [
    { key: `sign-in:email-ip:${normalized}:${ip ?? "unknown"}`, rule: SIGN_IN_LIMIT_PER_EMAIL_AND_IP },
    ...(ip ? [{ key: `sign-in:ip:${ip}`, rule: SIGN_IN_LIMIT_PER_IP }] : []),
  ];
  const taken: typeof keys = [];
  for (const entry of keys) {
    const outcome = await consumeRateLimit(entry.key, entry.rule);
    if (!outcome.allowed) {
      await Promise.all(taken.map(({ key, rule }) => refundRateLimit(key, rule)));
      return { outcome: "rate_limited", retryAfterMs: outcome.retryAfterMs };
    }
    taken.push(entry);
  }

  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (user && valid && !user.disabledAt) {
    await Promise.all(taken.map(({ key, rule }) => refundRateLimit(key, rule)));
    return { outcome: "ok", user: { id: user.id, email: user.email, name: user.name } };
  }
  logger.info("sign-in failed", { ip });
  return { outcome: "invalid" };
}
