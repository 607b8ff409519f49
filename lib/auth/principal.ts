import type { ActorKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Who is calling. People arrive with a session cookie; service tokens (the
 * service-accounts issue) will add a `token` variant beside `user`, and every
 * adapter already branches on `kind`.
 */
export type Principal = { kind: "user"; userId: string; email: string; name: string };

/** Who did it, as an audit row records it. */
export type Actor = { kind: ActorKind; id: string | null; label: string | null };

/** Request facts every audited change carries. */
export type AuditContext = { actor: Actor; ip: string | null; userAgent: string | null; requestId: string | null };

/** A principal inside one organization, after membership was checked. */
export type OrgAccess = { org: { id: string; slug: string; name: string }; principal: Principal; role: Role };

export function actorOf(principal: Principal): Actor {
  return { kind: "USER", id: principal.userId, label: principal.email };
}

export const SYSTEM_ACTOR: Actor = { kind: "SYSTEM", id: null, label: "system" };
