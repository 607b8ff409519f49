import { z } from "zod";
import { AppError } from "@/lib/errors";

// Keyset pagination over (createdAt, id): stable under inserts and deletes,
// and the cursor is opaque to callers (base64url JSON), so its shape can change.

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PageQuery = z.infer<typeof pageQuerySchema>;
export type Cursor = { createdAt: Date; id: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && UUID.test(value[1])) {
      const createdAt = new Date(value[0]);
      // Years 1–9999 only: JavaScript dates reach ±275760, PostgreSQL's timestamps do not (22008/22009).
      const year = createdAt.getUTCFullYear();
      if (!Number.isNaN(createdAt.getTime()) && year >= 1 && year <= 9999) return { createdAt, id: value[1] };
    }
  } catch {
    // fall through to the one error below
  }
  throw new AppError("bad_request", "The cursor is not valid; pass back the nextCursor of a previous page", {
    fields: [{ field: "cursor", message: "Invalid cursor" }],
  });
}

export type SortOrder = "asc" | "desc";

/** The Prisma `where` fragment for rows after the cursor in (createdAt, id) order, ascending or descending. */
export function afterCursor(cursor: string | undefined, order: SortOrder = "asc") {
  if (!cursor) return {};
  const { createdAt, id } = decodeCursor(cursor);
  const beyond = order === "asc" ? "gt" : "lt";
  return { OR: [{ createdAt: { [beyond]: createdAt } }, { createdAt, id: { [beyond]: id } }] };
}

/** The matching `orderBy`. */
export function cursorOrder(order: SortOrder = "asc") {
  return [{ createdAt: order }, { id: order }];
}

/** Query `limit + 1` rows in cursorOrder() and pass them here. */
export function toPage<T extends Cursor>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
