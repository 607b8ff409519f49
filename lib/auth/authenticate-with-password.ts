import { db } from "@/lib/db/prisma";
import { burnPasswordCheck, verifyPassword } from "@/lib/members/password";
import { normalizeEmail } from "@/lib/members/email";
import { consumeRateLimit, refundRateLimit, type RateLimitRule } from "@/lib/rate-limit/gcra";
import { logger } from "@/lib/logger";

// Failed sign-ins are throttled per email and per client IP. Every attempt
// takes its slots before the password is checked (so parallel guesses cannot
// all slip past the check), and a successful one gives them back: only
// failures count, and a person who types the right password is never slowed.
export const SIGN_IN_LIMIT_PER_EMAIL: RateLimitRule = { limit: 10, windowMs: 15 * 60_000 };
export const SIGN_IN_LIMIT_PER_IP: RateLimitRule = { limit: 50, windowMs: 15 * 60_000 };

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
    { key: `sign-in:email:${normalized}`, rule: SIGN_IN_LIMIT_PER_EMAIL },
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
