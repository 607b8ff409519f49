import { z } from "zod";
import { parseCidr } from "@/lib/network/cidr";

/** A CIDR entry, turned into its canonical form; a bad one is a 400 naming the entry. */
export const cidrSchema = z.string().max(64).transform((value, ctx) => {
  const parsed = parseCidr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.canonical;
});

export const addNetworkRuleSchema = z.strictObject({
  cidr: cidrSchema,
  label: z.string().trim().max(100, "Label must be at most 100 characters").default(""),
});

export const testAddressSchema = z.strictObject({
  ip: z.string().trim().max(64),
  serviceAccountId: z.uuid().optional(),
});

export const tokenRateLimitSchema = z.strictObject({
  rateLimitPerMinute: z.number().int().min(1, "At least 1 request per minute").max(100_000).nullable(),
});

export type NetworkRuleView = { id: string; cidr: string; label: string; createdAt: string };

export type AllowlistRule = { id: string; cidr: string; label: string; serviceAccountId: string | null };

export type LayerVerdict = { layer: "organization" | "service_account"; entries: number; matched: AllowlistRule | null };

export type AllowlistVerdict = { allowed: boolean; layers: LayerVerdict[] };

/** The answer of "would this address be let in?": each layer's verdict, for the address as the API read it. */
export type AddressTestView = AllowlistVerdict & { ip: string };
