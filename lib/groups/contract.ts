import { z } from "zod";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";

const name = z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters");
const description = z.string().trim().max(500, "Description must be at most 500 characters");

export const createGroupSchema = z.strictObject({ name, description: description.default("") });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: "Send name or description" });
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const addGroupMemberSchema = z.strictObject({ userId: z.uuid("userId must be a user id") });

export const listGroupsQuerySchema = sortedPageQuerySchema(["newest", "oldest", "name", "-name"], "oldest").extend({ search: z.string().trim().max(100).optional() });
export type ListGroupsQuery = z.infer<typeof listGroupsQuerySchema>;

export type GroupView = {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
};

export type GroupMemberView = { userId: string; email: string; name: string; addedAt: string };

/** One group with its members, as `GET /groups/:groupId` answers. */
export type GroupDetailView = GroupView & { members: GroupMemberView[] };
