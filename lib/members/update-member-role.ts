import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockOwners } from "@/lib/members/lock-owners";
import { memberSelect, toMemberView, type MemberView } from "@/lib/members/member-view";

export async function updateMemberRole({
  orgId,
  userId,
  role,
  actorRole,
  audit,
}: OrgChange<{ userId: string; role: Role; actorRole: Role }>): Promise<MemberView> {
  return forOrg(orgId).$transaction(async (tx) => {
    const owners = await lockOwners(tx, orgId);
    const current = await tx.membership.findFirst({ where: { orgId, userId }, select: memberSelect });
    if (!current) throw notFound("Member");
    if (current.role === role) return toMemberView(current);
    if ((current.role === "OWNER" || role === "OWNER") && actorRole !== "OWNER") {
      throw new AppError("forbidden", "Only an owner can change who is an owner");
    }
    if (current.role === "OWNER" && owners.length <= 1) {
      throw new AppError("conflict", "This is the organization's last owner; make someone else an owner first");
    }
    const updated = await tx.membership.update({ where: { id: current.id }, data: { role }, select: memberSelect });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "member.update",
      target: { kind: "user", id: userId },
      before: { role: current.role },
      after: { role },
    });
    return toMemberView(updated);
  });
}
