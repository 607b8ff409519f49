import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { afterSortCursor, decodeSortCursor, encodeSortCursor, nameAndAgeSorts, sortOrderBy, type SortKey } from "@/lib/sorted-pages";

const ID = "0b8c6f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f";
const SORTS = nameAndAgeSorts<{ id: string; name: string; createdAt: Date }>();
const lastUsed: SortKey<{ lastUsedAt: Date | null }> = { column: "lastUsedAt", direction: "desc", type: "date", nullable: true, value: (row) => row.lastUsedAt };
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const groups = (sort: string) => ({ list: "groups", sort });

describe("sorted-page cursors", () => {
  it("round-trip the sort value and the id, opaque and URL-safe", () => {
    const cursor = encodeSortCursor(groups("name"), "alpha", ID);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSortCursor(groups("name"), SORTS.name, cursor)).toEqual({ value: "alpha", id: ID });
    const at = new Date("2026-01-01T00:00:00Z");
    expect(decodeSortCursor(groups("newest"), SORTS.newest, encodeSortCursor(groups("newest"), at, ID))).toEqual({ value: at, id: ID });
  });

  it.each([
    ["another order's cursor", "newest", encodeSortCursor(groups("name"), "alpha", ID)],
    ["another list's cursor in the same order", "name", encodeSortCursor({ list: "toolsets", sort: "name" }, "alpha", ID)],
    ["garbage", "name", "not-a-cursor"],
    ["a NUL in the value", "name", raw(["groups:name", "a\u0000b", ID])],
    ["a date out of PostgreSQL's range", "newest", raw(["groups:newest", "+275760-09-13T00:00:00.000Z", ID])],
    ["an id that is no uuid", "name", raw(["groups:name", "alpha", "1 OR 1=1"])],
    ["a null where nulls cannot be", "name", raw(["groups:name", null, ID])],
    ["the old (createdAt, id) shape", "newest", raw(["2026-01-01T00:00:00.000Z", ID])],
  ])("refuse %s with a 400 naming cursor", (_, sort, cursor) => {
    const key = sort === "newest" ? SORTS.newest : SORTS.name;
    try {
      decodeSortCursor(groups(sort), key, cursor);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([{ field: "cursor", message: "Invalid cursor" }]);
    }
  });

  it("order by the column then the id, nulls last when the column may be empty", () => {
    expect(sortOrderBy(SORTS["-name"])).toEqual([{ name: "desc" }, { id: "desc" }]);
    expect(sortOrderBy(lastUsed)).toEqual([{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }]);
  });

  it("after a value, take the further values, its ties with a further id, then the empty ones; after an empty one, only empty ones", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const tokens = { list: "service-tokens", sort: "-lastUsed" };
    expect(afterSortCursor(tokens, lastUsed, encodeSortCursor(tokens, at, ID))).toEqual({
      OR: [{ lastUsedAt: { lt: at } }, { AND: [{ lastUsedAt: at }, { id: { lt: ID } }] }, { lastUsedAt: null }],
    });
    expect(afterSortCursor(tokens, lastUsed, encodeSortCursor(tokens, null, ID))).toEqual({ AND: [{ lastUsedAt: null }, { id: { lt: ID } }] });
    expect(afterSortCursor(groups("name"), SORTS.name, undefined)).toEqual({});
  });
});
