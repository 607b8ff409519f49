import type { GroupView } from "@/lib/groups/contract";
export type { GroupView, GroupMemberView } from "@/lib/groups/contract";


export const groupSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { members: true } },
} as const;

type GroupRow = { id: string; name: string; description: string; createdAt: Date; updatedAt: Date; _count: { members: number } };

export function toGroupView(row: GroupRow): GroupView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row._count.members,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit snapshot of a group: what an admin can change. */
export const groupSnapshot = (g: { name: string; description: string }) => ({ name: g.name, description: g.description });
