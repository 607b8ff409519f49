import type { Role } from "@/lib/generated/prisma/enums";
import type { MemberView } from "@/lib/members/contract";
export type { MemberView } from "@/lib/members/contract";

export const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true, disabledAt: true } },
} as const;

type MemberRow = {
  role: Role;
  createdAt: Date;
  user: { id: string; email: string; name: string; disabledAt: Date | null };
};

export function toMemberView(row: MemberRow): MemberView {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    disabled: row.user.disabledAt !== null,
    joinedAt: row.createdAt.toISOString(),
  };
}
