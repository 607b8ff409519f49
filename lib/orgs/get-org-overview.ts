import "server-only";
import { db } from "@/lib/db/prisma";

export async function getOrgOverview({ orgId }: { orgId: string }) {
  const [memberCount, groupCount] = await Promise.all([
    db().membership.count({ where: { orgId } }),
    db().group.count({ where: { orgId } }),
  ]);
  return { memberCount, groupCount };
}
