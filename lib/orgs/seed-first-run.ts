import { db } from "@/lib/db/prisma";
import { generatePassword, hashPassword } from "@/lib/members/password";
import { SYSTEM_ACTOR } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { normalizeEmail } from "@/lib/members/email";
import { orgSlugSchema } from "@/lib/orgs/org-slug";

const SEED_LOCK_KEY = 72707370;

export type FirstRunResult =
  | { created: false }
  | { created: true; orgId: string; orgSlug: string; email: string; generatedPassword: string | null };

/**
 * On the very first start (no users at all) creates the first organization and
 * its OWNER. Idempotent and safe when several instances start together: the
 * check and the inserts run under one transaction-scoped advisory lock.
 */
export async function seedFirstRun({
  orgSlug,
  adminEmail,
  adminPassword,
}: {
  orgSlug: string;
  adminEmail?: string;
  adminPassword?: string;
}): Promise<FirstRunResult> {
  const slug = orgSlugSchema.parse(orgSlug);
  const email = normalizeEmail(adminEmail ?? "admin@localhost");
  const generatedPassword = adminPassword ? null : generatePassword();
  const passwordHash = await hashPassword(adminPassword ?? generatedPassword!);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    if ((await tx.user.count()) > 0) return { created: false };
    const org = await tx.organization.create({ data: { slug, name: titleFromSlug(slug) } });
    const user = await tx.user.create({ data: { email, name: "Administrator", passwordHash } });
    await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
    const context = { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null };
    await recordAuditEvent(tx, context, { orgId: org.id, action: "org.create", target: { kind: "org", id: org.id }, after: { slug, name: org.name } });
    await recordAuditEvent(tx, context, {
      orgId: org.id,
      action: "member.add",
      target: { kind: "user", id: user.id },
      after: { email, role: "OWNER", newAccount: true },
    });
    return { created: true, orgId: org.id, orgSlug: slug, email, generatedPassword };
  });
}

function titleFromSlug(slug: string): string {
  return slug.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}
