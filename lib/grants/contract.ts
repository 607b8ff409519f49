import { z } from "zod";
import type { Level } from "@/lib/grants/resource-level";

export const accessModeSchema = z.strictObject({ accessMode: z.enum(["RESTRICTED", "FULL_ACCESS"]) });

export const grantEntrySchema = z.strictObject({
  resourceType: z.enum(["MCP_SERVER", "TOOLSET"]),
  resourceId: z.uuid("resourceId must be the id of an MCP server or toolset"),
  level: z.enum(["NONE", "READ", "WRITE"]),
});
export type GrantEntry = z.infer<typeof grantEntrySchema>;

/** Bulk set: each entry sets one resource's level (NONE removes the grant); resources not named are left as they are. */
export const setGrantsSchema = z.strictObject({ grants: z.array(grantEntrySchema).min(1).max(500) });

export type AccessReason = { kind: "toolset"; toolset: string } | { kind: "server_grant"; level: "READ" | "WRITE" } | { kind: "full_access" };

export type EffectiveAccessReport = {
  accessMode: "RESTRICTED" | "FULL_ACCESS";
  tools: { exposedName: string; server: string; description: string; reasons: AccessReason[] }[];
  prompts: { name: string; server: string; reasons: AccessReason[] }[];
  resources: { uri: string; name: string; server: string; reasons: AccessReason[] }[];
};

export type PermissionRow = { resourceType: "MCP_SERVER" | "TOOLSET"; resourceId: string; name: string; detail: string; level: Level };

/** Who holds grants: a service account, or an org-wide token (which has no account). */
export type Grantee = { serviceAccountId: string } | { tokenId: string };

/** The Permissions tab, as `GET …/permissions` answers: the mode, and every server and toolset of the organization with the grantee's level on it. */
export type PermissionsView = { accessMode: "RESTRICTED" | "FULL_ACCESS"; resources: PermissionRow[] };
