import { db } from "@/lib/db/prisma";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/members/email";
import { peekRateLimit, penalizeRateLimit, type RateLimitRule } from "@/lib/rate-limit/gcra";
import { logger } from "@/lib/logger";

// Failed sign-ins are throttled per email and per client IP. Only failures
// count, so a person who types the right password is never slowed down.
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
  for (const { key, rule } of keys) {
    const state = await peekRateLimit(key, rule);
    if (state.limited) return { outcome: "rate_limited", retryAfterMs: state.retryAfterMs };
  }

  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (user && valid && !user.disabledAt) {
    return { outcome: "ok", user: { id: user.id, email: user.email, name: user.name } };
  }

  await Promise.all(keys.map(({ key, rule }) => penalizeRateLimit(key, rule)));
  logger.info("sign-in failed", { ip });
  return { outcome: "invalid" };
}
