import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { afterCursor, cursorOrder, decodeCursor, encodeCursor, pageQuerySchema, toPage } from "@/lib/pagination";

const row = (i: number) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, createdAt: new Date(Date.UTC(2026, 0, i)) });

describe("cursor pagination", () => {
  it("round-trips a cursor and keeps it opaque (URL-safe, no raw id)", () => {
    const cursor = encodeCursor(row(3));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(row(3).id);
    expect(decodeCursor(cursor)).toEqual(row(3));
  });

  it.each([
    "",
    "!!!",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('["not a date","x"]').toString("base64url"),
    Buffer.from('["2026-01-01T00:00:00.000Z","not-a-uuid"]').toString("base64url"),
  ])(
    "rejects the bad cursor %j with a 400 naming the field",
    (cursor) => {
      const error = (() => {
        try {
          decodeCursor(cursor);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("bad_request");
      expect((error as AppError).fields).toEqual([{ field: "cursor", message: "Invalid cursor" }]);
    },
  );

  it("returns a next cursor only when there are more rows than the limit", () => {
    const rows = [row(1), row(2), row(3)];
    expect(toPage(rows, 2)).toEqual({ items: [row(1), row(2)], nextCursor: encodeCursor(row(2)) });
    expect(toPage(rows, 3)).toEqual({ items: rows, nextCursor: null });
  });

  it("builds a keyset condition after the cursor", () => {
    expect(afterCursor(undefined)).toEqual({});
    const { createdAt, id } = row(2);
    expect(afterCursor(encodeCursor(row(2)))).toEqual({ OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] });
  });

  it("caps the page size at 100 and defaults to 50", () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(pageQuerySchema.parse({ limit: "100" }).limit).toBe(100);
    expect(pageQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});

describe("descending pages", () => {
  it("walks newest first with lt conditions", () => {
    const { createdAt, id } = row(2);
    expect(afterCursor(encodeCursor(row(2)), "desc")).toEqual({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    expect(cursorOrder("desc")).toEqual([{ createdAt: "desc" }, { id: "desc" }]);
  });
});
