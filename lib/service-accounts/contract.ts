import { z } from "zod";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";
import type { AccessMode, ServiceAccountStatus } from "@/lib/generated/prisma/enums";

const name = z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters");
const description = z.string().trim().max(500, "Description must be at most 500 characters");

export const createServiceAccountSchema = z.strictObject({ name, description: description.default("") });
export type CreateServiceAccountInput = z.infer<typeof createServiceAccountSchema>;

export const updateServiceAccountSchema = z
  .strictObject({ name: name.optional(), description: description.optional(), status: z.enum(["ACTIVE", "DISABLED"]).optional() })
  .refine((v) => Object.values(v).some((value) => value !== undefined), { message: "Send name, description or status" });
export type UpdateServiceAccountInput = z.infer<typeof updateServiceAccountSchema>;

export const listServiceAccountsQuerySchema = sortedPageQuerySchema(["newest", "oldest", "name", "-name"], "newest").extend({
  search: z.string().trim().max(64).optional(),
  status: z.enum(["ACTIVE", "DISABLED"]).optional(),
  /** Accounts with a live token expiring soon (TOKEN_EXPIRY_WARNING_DAYS), or with an expired, unrevoked one. */
  tokens: z.enum(["expiring", "expired"]).optional(),
});
export type ListServiceAccountsQuery = z.infer<typeof listServiceAccountsQuerySchema>;

export type ServiceAccountView = {
  id: string;
  name: string;
  description: string;
  status: ServiceAccountStatus;
  accessMode: AccessMode;
  /** Tokens that work now: neither revoked nor expired, and the account enabled. */
  activeTokenCount: number;
  /** A disabled account's tokens that would work again once it is enabled. */
  suspendedTokenCount: number;
  createdAt: string;
  updatedAt: string;
  createdBy: { id: string; name: string; email: string } | null;
  disabledAt: string | null;
  disabledBy: { id: string; name: string; email: string } | null;
  lastUsedAt: string | null;
};
