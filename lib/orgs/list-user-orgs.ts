import { db } from "@/lib/db/prisma";

/** The organizations a person belongs to, for the switcher and the landing redirect. */
export async function listUserOrgs({ userId }: { userId: string }) {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}
