import type { CatalogToolView } from "@/lib/mcp-servers/contract";
import { z } from "zod";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";

const name = z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters");
const description = z.string().trim().max(500, "Description must be at most 500 characters");

export const createToolsetSchema = z.strictObject({ name, description: description.default("") });
export const updateToolsetSchema = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: "Send name or description" });
export const addToolsetToolsSchema = z.strictObject({ toolIds: z.array(z.uuid("toolIds must be tool ids")).min(1).max(500) });
export const assignToolsetSchema = z
  .strictObject({ userId: z.uuid().optional(), groupId: z.uuid().optional(), serviceAccountId: z.uuid().optional() })
  .refine((v) => [v.userId, v.groupId, v.serviceAccountId].filter(Boolean).length === 1, {
    message: "Send exactly one of userId, groupId, serviceAccountId",
  });
export type AssignToolsetInput = z.infer<typeof assignToolsetSchema>;
export const listToolsetsQuerySchema = sortedPageQuerySchema(["newest", "oldest", "name", "-name"], "oldest").extend({ search: z.string().trim().max(64).optional() });
export type ListToolsetsQuery = z.infer<typeof listToolsetsQuerySchema>;

export type ToolsetView = {
  id: string;
  name: string;
  description: string;
  toolCount: number;
  assignmentCount: number;
  createdAt: string;
  updatedAt: string;
};

export type AssignmentView = {
  id: string;
  kind: "user" | "group" | "service_account";
  target: { id: string; name: string; email?: string };
  createdAt: string;
};

/** One toolset with its tools and who it is assigned to, as `GET /toolsets/:toolsetId` answers. */
export type ToolsetDetailView = ToolsetView & { tools: CatalogToolView[]; assignments: AssignmentView[] };

/** A toolset assigned to one service account, with the assignment to remove. */
export type AssignedToolsetView = ToolsetView & { assignmentId: string };
