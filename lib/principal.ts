import type { AccessMode, ActorKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Who is calling: a person with a session cookie, or a bot with a service
 * token (`alk_svc_…`) that belongs to a service account or, when
 * serviceAccountId is null, to the organization itself.
 */
export type Principal = UserPrincipal | TokenPrincipal;

export type UserPrincipal = { kind: "user"; userId: string; email: string; name: string };

export type TokenPrincipal = {
  kind: "token";
  tokenId: string;
  tokenPrefix: string;
  orgId: string;
  orgSlug: string;
  serviceAccount: { id: string; name: string; accessMode: AccessMode } | null;
  /** The mode that governs this token: its account's, or an org-wide token's own. */
  accessMode: AccessMode;
  /** Read with the token: the allowlist verdict of both layers, and its per-minute limit (null: none). */
  policy: TokenPolicy;
};

/** Entries per allowlist layer and whether the client address matched one (evaluated in SQL with the token). */
export type Allowlist = { org: number; orgMatch: boolean; account: number; accountMatch: boolean };

export type TokenPolicy = {
  allowlist: Allowlist;
  rateLimitPerMinute: number | null;
  /** The rate-limit slot already taken with verification (PostgreSQL limiter), if any. */
  slot?: { allowed: boolean; retryAfterMs: number; aheadMs: number } | null;
};

/** Who did it, as an audit row records it; `token` is the service token that acted, if one did (never its secret). */
export type Actor = { kind: ActorKind; id: string | null; label: string | null; token?: { id: string; prefix: string } };

/** Request facts every audited change carries. */
export type AuditContext = { actor: Actor; ip: string | null; userAgent: string | null; requestId: string | null };

/** The arguments of an audited change in one organization: its own, the organization and who makes the change. */
export type OrgChange<T> = T & { orgId: string; audit: AuditContext };

export type OrgRef = { id: string; slug: string; name: string };

/** A person inside one organization, after their membership was checked. */
export type PersonOrgAccess = { org: OrgRef; principal: UserPrincipal; role: Role };
/** A token inside the one organization it belongs to. */
export type TokenOrgAccess = { org: OrgRef; principal: TokenPrincipal; role: null };
export type OrgAccess = PersonOrgAccess | TokenOrgAccess;

export function actorOf(principal: Principal): Actor {
  if (principal.kind === "user") return { kind: "USER", id: principal.userId, label: principal.email };
  const token = { id: principal.tokenId, prefix: principal.tokenPrefix };
  if (principal.serviceAccount) return { kind: "SERVICE_ACCOUNT", id: principal.serviceAccount.id, label: principal.serviceAccount.name, token };
  return { kind: "TOKEN", id: principal.tokenId, label: principal.tokenPrefix, token };
}

export const SYSTEM_ACTOR: Actor = { kind: "SYSTEM", id: null, label: "system" };
