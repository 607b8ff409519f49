import { z } from "zod";

export const accessModeSchema = z.strictObject({ accessMode: z.enum(["RESTRICTED", "FULL_ACCESS"]) });

export const grantEntrySchema = z.strictObject({
  resourceType: z.enum(["MCP_SERVER", "TOOLSET"]),
  resourceId: z.uuid("resourceId must be the id of an MCP server or toolset"),
  level: z.enum(["NONE", "READ", "WRITE"]),
});
export type GrantEntry = z.infer<typeof grantEntrySchema>;

/** Bulk set: each entry sets one resource's level (NONE removes the grant); resources not named are left as they are. */
export const setGrantsSchema = z.strictObject({ grants: z.array(grantEntrySchema).min(1).max(500) });
