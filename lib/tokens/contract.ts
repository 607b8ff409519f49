import { z } from "zod";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";
import { tokenLifetimeFields } from "@/lib/tokens/token-lifetime";
import { grantEntrySchema } from "@/lib/grants/contract";

export const mintTokenSchema = z.strictObject({
  name: z.string().trim().max(64, "Name must be at most 64 characters").default(""),
  ...tokenLifetimeFields,
  rateLimitPerMinute: z.number().int("rateLimitPerMinute must be a whole number").min(1).max(100_000).nullable().optional(),
});
export type MintTokenInput = z.infer<typeof mintTokenSchema> & Partial<z.infer<typeof mintOrgTokenSchema>>;

/** An org-wide token is created with its own access mode and grants (Restricted and none by default). */
export const mintOrgTokenSchema = mintTokenSchema.extend({
  accessMode: z.enum(["RESTRICTED", "FULL_ACCESS"]).default("RESTRICTED"),
  grants: z.array(grantEntrySchema).max(500).default([]),
});

/** A leading "-" reverses: expires is soonest expiry first, -lastUsed most recently used first; never-used tokens come last either way. */
export const TOKEN_SORTS = ["newest", "oldest", "name", "-name", "expires", "-expires", "lastUsed", "-lastUsed"] as const;
export const listTokensQuerySchema = sortedPageQuerySchema(TOKEN_SORTS, "newest").extend({
  /** expiring: live (active or suspended) and expiring within TOKEN_EXPIRY_WARNING_DAYS. */
  status: z.enum(["active", "suspended", "expiring", "expired", "revoked"]).optional(),
});
export type ListTokensQuery = z.infer<typeof listTokensQuerySchema>;

/** How long a rolled token keeps working beside its replacement. */
export const ROLL_GRACE_PERIODS = { none: 0, "1h": 60 * 60 * 1000, "24h": 24 * 60 * 60 * 1000, "7d": 7 * 24 * 60 * 60 * 1000 } as const;
export type RollGrace = keyof typeof ROLL_GRACE_PERIODS;

export const rollTokenSchema = z.strictObject({
  grace: z.enum(Object.keys(ROLL_GRACE_PERIODS) as [RollGrace, ...RollGrace[]], { message: "grace must be one of none, 1h, 24h, 7d" }).default("24h"),
});

/** A token as lists show it: never the token, never its hash. */
export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  orgWide: boolean;
  serviceAccountId: string | null;
  /** suspended: neither revoked nor expired, but its account is disabled (it comes back when the account is enabled). */
  status: "active" | "suspended" | "expired" | "revoked";
  expiresAt: string;
  createdAt: string;
  createdBy: { id: string; name: string; email: string } | null;
  revokedAt: string | null;
  revokedBy: { id: string; name: string; email: string } | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  rateLimitPerMinute: number | null;
  /** Meaningful for org-wide tokens; an account's tokens follow the account's mode. */
  accessMode: "RESTRICTED" | "FULL_ACCESS";
  /** Live (active or suspended) and expiring within TOKEN_EXPIRY_WARNING_DAYS. */
  expiringSoon: boolean;
  /** Rolled: the token this one replaced. */
  rolledFromId: string | null;
  /** Rolled: the token that replaced this one; this token's expiresAt is then its grace end. */
  replacedById: string | null;
};

/** The one response that ever carries the token itself. */
export type MintedToken = TokenView & { token: string };

export type RolledToken = MintedToken & { previous: TokenView };
export type { LifetimePreset } from "@/lib/tokens/token-lifetime";
