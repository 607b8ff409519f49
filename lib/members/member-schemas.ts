import { z } from "zod";
import { emailSchema } from "@/lib/members/email";
import { pageQuerySchema } from "@/lib/pagination";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER"]);

export const addMemberSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters").optional(),
  role: roleSchema.default("MEMBER"),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const updateMemberSchema = z.strictObject({ role: roleSchema });

export const listMembersQuerySchema = pageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
});
