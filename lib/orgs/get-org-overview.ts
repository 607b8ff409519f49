import "server-only";
import { forOrg } from "@/lib/db/for-org";

export async function getOrgOverview({ orgId }: { orgId: string }) {
  const [memberCount, groupCount] = await Promise.all([
    forOrg(orgId).membership.count({ where: { orgId } }),
    forOrg(orgId).group.count({ where: { orgId } }),
  ]);
  return { memberCount, groupCount };
}
