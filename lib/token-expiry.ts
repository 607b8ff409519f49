import { env } from "@/lib/env";

const DAY = 24 * 60 * 60 * 1000;

/** How far back "expired" looks where it asks for attention (the Overview, notices, the accounts filter). */
export const EXPIRED_WINDOW_MS = 30 * DAY;

/** Until when a live token counts as expiring soon (TOKEN_EXPIRY_WARNING_DAYS from now). */
export function expiringBefore(now = new Date(), warningDays = env().TOKEN_EXPIRY_WARNING_DAYS): Date {
  return new Date(now.getTime() + warningDays * DAY);
}

/** Whole days left, rounded up: a token expiring in 30 hours has 2 days left, one in 5 minutes 1. */
export function daysLeft(expiresAt: Date, now = new Date()): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY));
}
