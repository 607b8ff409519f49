import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { AuditContext } from "@/lib/principal";
import type { AccessMode } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertGranteeExists } from "@/lib/grants/assert-grantee-exists";
import type { Grantee } from "@/lib/grants/grantee";

/** Switches between Restricted and Full Access; effective at the next request. */
export async function setAccessMode({ orgId, grantee, accessMode, audit }: { orgId: string; grantee: Grantee; accessMode: AccessMode; audit: AuditContext }) {
  return forOrg(orgId).$transaction(async (tx) => {
    await assertGranteeExists(tx, orgId, grantee);
    const before =
      "serviceAccountId" in grantee
        ? (await tx.serviceAccount.findUniqueOrThrow({ where: { id: grantee.serviceAccountId }, select: { accessMode: true } })).accessMode
        : (await tx.serviceToken.findUniqueOrThrow({ where: { id: grantee.tokenId }, select: { accessMode: true } })).accessMode;
    if (before === accessMode) return { accessMode };
    if ("serviceAccountId" in grantee) await tx.serviceAccount.update({ where: { id: grantee.serviceAccountId }, data: { accessMode } });
    else await tx.serviceToken.update({ where: { id: grantee.tokenId }, data: { accessMode } });
    await recordAuditEvent(tx, audit, {
      orgId,
      action: "access_mode.update",
      target: "serviceAccountId" in grantee ? { kind: "service_account", id: grantee.serviceAccountId } : { kind: "service_token", id: grantee.tokenId },
      before: { accessMode: before },
      after: { accessMode },
    });
    return { accessMode };
  });
}
