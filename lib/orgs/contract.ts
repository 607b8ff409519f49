// The orgs domain's contract: what the settings API answers, shared with lib/client by `import type`.

export type OrgSettings = { defaultRateLimitPerMinute: number | null; auditRetentionDays: number; usageRetentionDays: number };
