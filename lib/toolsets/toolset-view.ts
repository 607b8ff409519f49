import type { ToolsetView, AssignmentView } from "@/lib/toolsets/contract";
export type { ToolsetView, AssignmentView } from "@/lib/toolsets/contract";


export const toolsetSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tools: true, assignments: true } },
} as const;

type Row = { id: string; name: string; description: string; createdAt: Date; updatedAt: Date; _count: { tools: number; assignments: number } };

export function toToolsetView(row: Row): ToolsetView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    toolCount: row._count.tools,
    assignmentCount: row._count.assignments,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const assignmentSelect = {
  id: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
  group: { select: { id: true, name: true } },
  serviceAccount: { select: { id: true, name: true } },
} as const;

type AssignmentRow = {
  id: string;
  createdAt: Date;
  user: { id: string; name: string; email: string } | null;
  group: { id: string; name: string } | null;
  serviceAccount: { id: string; name: string } | null;
};

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  const base = { id: row.id, createdAt: row.createdAt.toISOString() };
  if (row.user) return { ...base, kind: "user", target: row.user };
  if (row.group) return { ...base, kind: "group", target: row.group };
  return { ...base, kind: "service_account", target: row.serviceAccount! };
}
