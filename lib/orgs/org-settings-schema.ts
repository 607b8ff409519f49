import { z } from "zod";

export const MIN_AUDIT_RETENTION_DAYS = 30;
export const MAX_AUDIT_RETENTION_DAYS = 3650;
export const MIN_USAGE_RETENTION_DAYS = 1;
export const MAX_USAGE_RETENTION_DAYS = 90;

/** PATCH of the organization's settings: send only what changes. */
export const orgSettingsSchema = z
  .strictObject({
    /** Requests per minute for tokens without a limit of their own; null: no limit. */
    defaultRateLimitPerMinute: z.number().int().min(1, "At least 1 request per minute").max(100_000).nullable(),
    auditRetentionDays: z
      .number()
      .int("Whole days")
      .min(MIN_AUDIT_RETENTION_DAYS, `At least ${MIN_AUDIT_RETENTION_DAYS} days`)
      .max(MAX_AUDIT_RETENTION_DAYS, `At most ${MAX_AUDIT_RETENTION_DAYS} days (10 years)`),
    usageRetentionDays: z
      .number()
      .int("Whole days")
      .min(MIN_USAGE_RETENTION_DAYS, `At least ${MIN_USAGE_RETENTION_DAYS} day`)
      .max(MAX_USAGE_RETENTION_DAYS, `At most ${MAX_USAGE_RETENTION_DAYS} days`),
  })
  .partial();

export type OrgSettingsInput = z.infer<typeof orgSettingsSchema>;
