import type { AccessMode, ServiceAccountStatus } from "@/lib/generated/prisma/enums";
import type { ServiceAccountView } from "@/lib/service-accounts/contract";
export type { ServiceAccountView } from "@/lib/service-accounts/contract";

const person = { select: { id: true, name: true, email: true } } as const;

export const serviceAccountSelect = {
  id: true,
  name: true,
  description: true,
  status: true,
  accessMode: true,
  createdAt: true,
  updatedAt: true,
  disabledAt: true,
  lastUsedAt: true,
  createdBy: person,
  disabledBy: person,
} as const;

type Row = {
  id: string;
  name: string;
  description: string;
  status: ServiceAccountStatus;
  accessMode: AccessMode;
  createdAt: Date;
  updatedAt: Date;
  disabledAt: Date | null;
  lastUsedAt: Date | null;
  createdBy: { id: string; name: string; email: string } | null;
  disabledBy: { id: string; name: string; email: string } | null;
};

/** `liveTokens`: neither revoked nor expired; they are active or suspended as the account is. */
export function toServiceAccountView(row: Row, liveTokens: number): ServiceAccountView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    accessMode: row.accessMode,
    activeTokenCount: row.status === "ACTIVE" ? liveTokens : 0,
    suspendedTokenCount: row.status === "DISABLED" ? liveTokens : 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledBy: row.disabledBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The audit snapshot of an account: what an admin can change. */
export const serviceAccountSnapshot = (a: { name: string; description: string; status: ServiceAccountStatus }) => ({
  name: a.name,
  description: a.description,
  status: a.status,
});
