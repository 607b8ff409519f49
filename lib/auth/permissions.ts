import type { Role } from "@/lib/generated/prisma/enums";
import type { OrgAccess } from "@/lib/principal";

// Permissions are data: a route declares the one it needs; a role, or a
// token's principal, grants a set.
export const PERMISSIONS = [
  "org.read",
  "members.read",
  "members.write",
  "groups.read",
  "groups.write",
  "serviceAccounts.read",
  "serviceAccounts.write",
  "serviceTokens.write",
  "mcpServers.read",
  "mcpServers.write",
  "toolsets.read",
  "toolsets.write",
  "network.read",
  "network.write",
  "settings.read",
  "settings.write",
  "audit.read",
  "activity.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set(PERMISSIONS),
  ADMIN: new Set(PERMISSIONS),
  MEMBER: new Set<Permission>(["org.read"]),
};

// What a service token may ask for on the admin API: say who it is, and read
// or write MCP servers and toolsets, orgRoute then checking the token's grant
// on the resource the route declares (`resource`). Tokens never
// manage people, accounts, tokens, modes, grants or assignments (their own included).
const TOKEN_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["org.read", "mcpServers.read", "mcpServers.write", "toolsets.read", "toolsets.write"]);

function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function accessAllows(access: OrgAccess, permission: Permission): boolean {
  return access.principal.kind === "user" ? roleAllows(access.role!, permission) : TOKEN_PERMISSIONS.has(permission);
}

/** Whether a role may use the admin pages of the Control Room. */
export function canManageOrg(role: Role): boolean {
  return role === "OWNER" || role === "ADMIN";
}
