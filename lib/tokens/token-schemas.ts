import { z } from "zod";
import { pageQuerySchema } from "@/lib/http/pagination";
import { tokenLifetimeFields } from "@/lib/tokens/token-lifetime";

export const mintTokenSchema = z.strictObject({
  name: z.string().trim().max(64, "Name must be at most 64 characters").default(""),
  ...tokenLifetimeFields,
  rateLimitPerMinute: z.number().int("rateLimitPerMinute must be a whole number").min(1).max(100_000).nullable().optional(),
});
export type MintTokenInput = z.infer<typeof mintTokenSchema>;

export const listTokensQuerySchema = pageQuerySchema.extend({
  status: z.enum(["active", "expired", "revoked"]).optional(),
});
export type ListTokensQuery = z.infer<typeof listTokensQuerySchema>;
