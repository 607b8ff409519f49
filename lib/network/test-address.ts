import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";
import { normalizeIp } from "@/lib/client-ip";
import { evaluateAllowlists, type AllowlistVerdict } from "@/lib/network/evaluate-allowlists";

/** "Test an address": would a token call from this address pass, and which entry matched per layer. */
export async function testAddress({ orgId, ip, serviceAccountId }: { orgId: string; ip: string; serviceAccountId?: string }): Promise<AllowlistVerdict & { ip: string }> {
  const address = normalizeIp(ip);
  if (!address) throw new AppError("validation_failed", `ip: "${ip}" is not an IP address`, { fields: [{ field: "ip", message: `"${ip}" is not an IP address` }] });
  if (serviceAccountId && !(await db().serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: { id: true } }))) {
    throw notFound("Service account");
  }
  const rules = await db().networkRule.findMany({
    where: { orgId, OR: [{ serviceAccountId: null }, ...(serviceAccountId ? [{ serviceAccountId }] : [])] },
    select: { id: true, cidr: true, label: true, serviceAccountId: true },
  });
  return { ip: address, ...evaluateAllowlists(rules, address, serviceAccountId ?? null) };
}
