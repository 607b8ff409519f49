import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { AuditContext } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { OrgSettingsInput } from "@/lib/orgs/org-settings-schema";
import type { OrgSettings } from "@/lib/orgs/contract";
export type { OrgSettings } from "@/lib/orgs/contract";

const settingsSelect = { defaultRateLimitPerMinute: true, auditRetentionDays: true, usageRetentionDays: true } as const;

export async function getOrgSettings({ orgId }: { orgId: string }): Promise<OrgSettings> {
  return forOrg(orgId).organization.findUniqueOrThrow({ where: { id: orgId }, select: settingsSelect });
}

/**
 * Changes the organization's defaults: the rate limit for tokens that have
 * none of their own, and how long audit events and usage records are kept.
 */
export async function updateOrgSettings({ orgId, input, audit }: { orgId: string; input: OrgSettingsInput; audit: AuditContext }): Promise<OrgSettings> {
  return forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: settingsSelect });
    const after = await tx.organization.update({ where: { id: orgId }, data: input, select: settingsSelect });
    const changed = (Object.keys(input) as (keyof OrgSettings)[]).filter((key) => before[key] !== after[key]);
    if (changed.length) {
      await recordAuditEvent(tx, audit, {
        orgId,
        action: "org.settings.update",
        target: { kind: "org", id: orgId },
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
    }
    return after;
  });
}
