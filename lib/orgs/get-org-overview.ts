import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { EXPIRED_WINDOW_MS, expiringBefore } from "@/lib/token-expiry";

const DAY = 24 * 60 * 60 * 1000;

/** The Overview's counts: the organization's size, and what needs an admin's attention. */
export async function getOrgOverview({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  // Counted apart, as they are listed apart: account tokens under Service Accounts, org-wide ones under Service Tokens.
  const live = { orgId, revokedAt: null, rolledTo: null, serviceAccountId: { not: null } };
  const liveOrgWide = { orgId, revokedAt: null, rolledTo: null, orgWide: true };
  const expiring = { gt: now, lte: expiringBefore(now) };
  const expired = { gt: new Date(now.getTime() - EXPIRED_WINDOW_MS), lte: now };
  const [
    memberCount,
    groupCount,
    serviceAccountCount,
    toolsetCount,
    mcpServerCount,
    expiringTokenCount,
    expiredTokenCount,
    unhealthyServers,
    deniedCallCount,
    expiringOrgWideTokenCount,
    expiredOrgWideTokenCount,
  ] = await Promise.all([
      forOrg(orgId).membership.count({ where: { orgId } }),
      forOrg(orgId).group.count({ where: { orgId } }),
      forOrg(orgId).serviceAccount.count({ where: { orgId } }),
      forOrg(orgId).toolset.count({ where: { orgId } }),
      forOrg(orgId).mcpServer.count({ where: { orgId } }),
      forOrg(orgId).serviceToken.count({ where: { ...live, expiresAt: expiring } }),
      forOrg(orgId).serviceToken.count({ where: { ...live, expiresAt: expired } }),
      forOrg(orgId).mcpServer.findMany({ where: { orgId, enabled: true, health: "ERROR" }, select: { id: true, name: true, lastError: true, lastErrorAt: true }, orderBy: { name: "asc" }, take: 10 }),
      forOrg(orgId).toolCall.count({ where: { orgId, outcome: "DENIED", createdAt: { gt: new Date(now.getTime() - DAY) } } }),
      forOrg(orgId).serviceToken.count({ where: { ...liveOrgWide, expiresAt: expiring } }),
      forOrg(orgId).serviceToken.count({ where: { ...liveOrgWide, expiresAt: expired } }),
    ]);
  return {
    memberCount,
    groupCount,
    serviceAccountCount,
    toolsetCount,
    mcpServerCount,
    expiringTokenCount,
    expiredTokenCount,
    expiringOrgWideTokenCount,
    expiredOrgWideTokenCount,
    unhealthyServers: unhealthyServers.map((s) => ({ ...s, lastErrorAt: s.lastErrorAt?.toISOString() ?? null })),
    deniedCallCount,
  };
}
