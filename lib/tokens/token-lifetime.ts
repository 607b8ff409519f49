import { z } from "zod";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const MIN_LIFETIME_MS = HOUR;
export const MAX_LIFETIME_MS = 365 * DAY;

export const LIFETIME_PRESETS = {
  "1h": HOUR,
  "1d": DAY,
  "7d": 7 * DAY,
  "30d": 30 * DAY,
  "90d": 90 * DAY,
  "1y": 365 * DAY,
} as const;
export type LifetimePreset = keyof typeof LIFETIME_PRESETS;

/**
 * The token body's lifetime fields: `expiresIn` (a preset) or `expiresAt` (an
 * ISO date between 1 hour and 1 year from now), not both; neither means 1 year.
 */
export const tokenLifetimeFields = {
  expiresIn: z.enum(Object.keys(LIFETIME_PRESETS) as [LifetimePreset, ...LifetimePreset[]], {
    message: "expiresIn must be one of 1h, 1d, 7d, 30d, 90d, 1y",
  }).optional(),
  expiresAt: z.iso.datetime({ offset: true, message: "expiresAt must be an ISO 8601 date and time" }).optional(),
};

export function resolveExpiry(
  { expiresIn, expiresAt }: { expiresIn?: LifetimePreset; expiresAt?: string },
  now = new Date(),
): { ok: true; expiresAt: Date } | { ok: false; field: string; message: string } {
  if (expiresIn && expiresAt) return { ok: false, field: "expiresAt", message: "Send expiresIn or expiresAt, not both" };
  if (expiresAt) {
    const at = new Date(expiresAt);
    const lifetime = at.getTime() - now.getTime();
    // Exact bounds against the clock of the request being served (no slack):
    // the rule is 1 hour to 1 year, and a boundary a caller can stretch is no rule.
    if (lifetime < MIN_LIFETIME_MS) return { ok: false, field: "expiresAt", message: "A token must live at least 1 hour" };
    if (lifetime > MAX_LIFETIME_MS) return { ok: false, field: "expiresAt", message: "A token can live at most 1 year" };
    return { ok: true, expiresAt: at };
  }
  return { ok: true, expiresAt: new Date(now.getTime() + LIFETIME_PRESETS[expiresIn ?? "1y"]) };
}
