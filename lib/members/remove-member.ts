import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockOwners } from "@/lib/members/lock-owners";
import { memberSelect, toMemberView } from "@/lib/members/member-view";
import { endAllUserSessions } from "@/lib/members/end-all-user-sessions";

/** Removes a person from the organization and from its groups; their account stays, and so do their sign-ins while other organizations still have them. */
export async function removeMember({
  orgId,
  userId,
  actorRole,
  audit,
}: OrgChange<{ userId: string; actorRole: Role }>): Promise<void> {
  await forOrg(orgId).$transaction(async (tx) => {
    const owners = await lockOwners(tx, orgId);
    const current = await tx.membership.findFirst({ where: { orgId, userId }, select: memberSelect });
    if (!current) throw notFound("Member");
    if (current.role === "OWNER" && actorRole !== "OWNER") throw new AppError("forbidden", "Only an owner can remove an owner");
    if (current.role === "OWNER" && owners.length <= 1) {
      throw new AppError("conflict", "This is the organization's last owner; make someone else an owner first");
    }
    await tx.groupMember.deleteMany({ where: { orgId, userId } });
    await tx.membership.delete({ where: { id: current.id } });
    // Access to this organization ends at the next request anyway (every request
    // re-reads the membership). A person left in no organization is signed out
    // on the server, in the same transaction; one with other organizations is
    // not: an admin here must not be able to sign them out of those. Counted in
    // SQL, across organizations: forOrg would scope a count to this one.
    const [{ remaining }] = await tx.$queryRaw<{ remaining: number }[]>`SELECT count(*)::int AS remaining FROM "Membership" WHERE "userId" = ${userId}::uuid`;
    if (remaining === 0) await endAllUserSessions({ userId, tx });
    const view = toMemberView(current);
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "member.remove",
      target: { kind: "user", id: userId },
      before: { email: view.email, name: view.name, role: view.role },
    });
  });
}
