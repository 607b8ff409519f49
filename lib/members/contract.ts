import { z } from "zod";
import { emailSchema } from "@/lib/members/email";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";
import type { Role } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER"]);

export const addMemberSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters").optional(),
  role: roleSchema.default("MEMBER"),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const updateMemberSchema = z.strictObject({ role: roleSchema });

export const listMembersQuerySchema = sortedPageQuerySchema(["email", "-email", "newest", "oldest"], "oldest").extend({
  search: z.string().trim().max(100).optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

/** A member as the API and the Control Room show it: the person plus their role here. */
export type MemberView = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  joinedAt: string;
};

export type AddMemberResult = {
  member: MemberView;
  /** Set only when a new person was created: shown once, never stored in clear. */
  oneTimePassword: string | null;
};
