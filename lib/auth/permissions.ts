import type { Role } from "@/lib/generated/prisma/enums";

// Permissions are data: a route declares the one it needs, a role grants a set.
export const PERMISSIONS = ["org.read", "members.read", "members.write", "groups.read", "groups.write"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set(PERMISSIONS),
  ADMIN: new Set(PERMISSIONS),
  MEMBER: new Set<Permission>(["org.read"]),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Whether a role may use the admin pages of the Control Room. */
export function canManageOrg(role: Role): boolean {
  return role === "OWNER" || role === "ADMIN";
}
