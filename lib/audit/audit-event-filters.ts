import { z } from "zod";
import { isoDateTimeFilter } from "@/lib/iso-date-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serviceAccountIdFilter } from "@/lib/ids";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** The audit log's filters, shared by the list, the export and the page. */
export const auditEventFiltersSchema = z
  .object({
    /** An actor's id, or part of what the actor was called (email, name, token prefix). */
    actor: optionalText(320),
    actorKind: z.enum(["USER", "SERVICE_ACCOUNT", "TOKEN", "SYSTEM"]).optional(),
    /** An action (`service_token.create`) or a prefix of whole segments (`service_token`, `toolset.tools`). */
    action: optionalText(100),
    targetKind: optionalText(50),
    targetId: optionalText(100),
    serviceAccountId: serviceAccountIdFilter.optional(),
    /** Inclusive lower bound, ISO 8601. */
    from: isoDateTimeFilter("2026-11-22T00:00:00Z").optional(),
    /** Exclusive upper bound, ISO 8601. */
    to: isoDateTimeFilter("2026-11-23T00:00:00Z").optional(),
  })
  .refine((f) => !f.from || !f.to || new Date(f.from) < new Date(f.to), { message: "from must be before to", path: ["to"] });

export type AuditEventFilters = Partial<z.output<typeof auditEventFiltersSchema>>;

/** The Prisma `where` for one organization's events matching the filters. */
export function auditEventWhere(orgId: string, filters: AuditEventFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) {
    and.push(
      isUuid(filters.actor)
        ? { actorId: filters.actor.toLowerCase() }
        : { OR: [{ actorLabel: { contains: filters.actor, mode: "insensitive" } }, { actorId: filters.actor }] },
    );
  }
  if (filters.action) and.push({ OR: [{ action: filters.action }, { action: { startsWith: `${filters.action}.` } }] });
  return {
    orgId,
    ...(filters.actorKind ? { actorKind: filters.actorKind } : {}),
    ...(filters.targetKind ? { targetKind: filters.targetKind } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.serviceAccountId ? { serviceAccountId: filters.serviceAccountId } : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gte: new Date(filters.from) } : {}), ...(filters.to ? { lt: new Date(filters.to) } : {}) } }
      : {}),
    ...(and.length ? { AND: and } : {}),
  };
}
