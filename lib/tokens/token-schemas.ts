import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { tokenLifetimeFields } from "@/lib/tokens/token-lifetime";
import { grantEntrySchema } from "@/lib/grants/grant-schemas";

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

export const listTokensQuerySchema = pageQuerySchema.extend({
  /** expiring: live (active or suspended) and expiring within TOKEN_EXPIRY_WARNING_DAYS. */
  status: z.enum(["active", "suspended", "expiring", "expired", "revoked"]).optional(),
  /** newest (default) or expires: soonest expiry first. */
  sort: z.enum(["newest", "expires"]).default("newest"),
});
export type ListTokensQuery = z.infer<typeof listTokensQuerySchema>;

/** How long a rolled token keeps working beside its replacement. */
export const ROLL_GRACE_PERIODS = { none: 0, "1h": 60 * 60 * 1000, "24h": 24 * 60 * 60 * 1000, "7d": 7 * 24 * 60 * 60 * 1000 } as const;
export type RollGrace = keyof typeof ROLL_GRACE_PERIODS;

export const rollTokenSchema = z.strictObject({
  grace: z.enum(Object.keys(ROLL_GRACE_PERIODS) as [RollGrace, ...RollGrace[]], { message: "grace must be one of none, 1h, 24h, 7d" }).default("24h"),
});
