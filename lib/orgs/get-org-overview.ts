import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { expiringBefore } from "@/lib/token-expiry";

const DAY = 24 * 60 * 60 * 1000;

/** The Overview's counts: the organization's size, and what needs an admin's attention. */
export async function getOrgOverview({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const live = { orgId, revokedAt: null, rolledTo: null, OR: [{ orgWide: true }, { serviceAccount: { isNot: null } }] };
  const [memberCount, groupCount, serviceAccountCount, toolsetCount, mcpServerCount, expiringTokenCount, expiredTokenCount, unhealthyServers, deniedCallCount] =
    await Promise.all([
      forOrg(orgId).membership.count({ where: { orgId } }),
      forOrg(orgId).group.count({ where: { orgId } }),
      forOrg(orgId).serviceAccount.count({ where: { orgId } }),
      forOrg(orgId).toolset.count({ where: { orgId } }),
      forOrg(orgId).mcpServer.count({ where: { orgId } }),
      forOrg(orgId).serviceToken.count({ where: { ...live, expiresAt: { gt: now, lte: expiringBefore(now) } } }),
      forOrg(orgId).serviceToken.count({ where: { ...live, expiresAt: { gt: new Date(now.getTime() - 30 * DAY), lte: now } } }),
      forOrg(orgId).mcpServer.findMany({ where: { orgId, enabled: true, health: "ERROR" }, select: { id: true, name: true, lastError: true, lastErrorAt: true }, orderBy: { name: "asc" }, take: 10 }),
      forOrg(orgId).toolCall.count({ where: { orgId, outcome: "DENIED", createdAt: { gt: new Date(now.getTime() - DAY) } } }),
    ]);
  return {
    memberCount,
    groupCount,
    serviceAccountCount,
    toolsetCount,
    mcpServerCount,
    expiringTokenCount,
    expiredTokenCount,
    unhealthyServers: unhealthyServers.map((s) => ({ ...s, lastErrorAt: s.lastErrorAt?.toISOString() ?? null })),
    deniedCallCount,
  };
}
