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
  status: z.enum(["active", "suspended", "expired", "revoked"]).optional(),
});
export type ListTokensQuery = z.infer<typeof listTokensQuerySchema>;
