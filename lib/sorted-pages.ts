import { z } from "zod";
import { AppError } from "@/lib/errors";
import { pageQuerySchema, type Page } from "@/lib/pagination";
import { isStorableText } from "@/lib/storable-input";

// Keyset pagination in any of a list's orders: the cursor holds the list and
// the order's name, the last row's sort value and its id (the tie-break), so a
// page never repeats or skips a row however many share a value, and a cursor
// minted for another list or order is refused rather than read as this one.
// (A cursor is a position, not a permission: every page's query still carries
// the caller's organization and visibility.) Orders on values that change
// while paging (a token's last use) can move a row across the cursor.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Direction = "asc" | "desc";

/** Which list and which of its orders a cursor belongs to. */
export type SortOrder = { list: string; sort: string };
type SortValue = string | Date | null;

/** One order of a list: the column (under a to-one relation, e.g. a membership's user), its direction and its type. */
export type SortKey<Row> = {
  column: string;
  relation?: string;
  direction: Direction;
  type: "string" | "date";
  /** Rows without a value come last, in both directions. */
  nullable?: boolean;
  value: (row: Row) => SortValue;
};

/** A list's orders by name: `name`, `-name`, `newest` … */
export type SortKeys<Row, Sort extends string> = Record<Sort, SortKey<Row>>;

const createdAt = <Row extends { createdAt: Date }>(direction: Direction): SortKey<Row> => ({ column: "createdAt", direction, type: "date", value: (row) => row.createdAt });
const byString = <Row>(column: string, direction: Direction, value: (row: Row) => string, relation?: string): SortKey<Row> => ({ column, relation, direction, type: "string", value });

/** newest, oldest, name and -name: what most lists sort by. */
export function nameAndAgeSorts<Row extends { createdAt: Date; name: string }>() {
  return {
    newest: createdAt<Row>("desc"),
    oldest: createdAt<Row>("asc"),
    name: byString<Row>("name", "asc", (row) => row.name),
    "-name": byString<Row>("name", "desc", (row) => row.name),
  } satisfies SortKeys<Row, "newest" | "oldest" | "name" | "-name">;
}

export { byString as stringSort, createdAt as createdAtSort };

/** The query of a sorted list: limit, a cursor (long enough for a long email) and `sort`, one of `sorts`. */
export function sortedPageQuerySchema<Sort extends string>(sorts: readonly [Sort, ...Sort[]], defaultSort: Sort) {
  return pageQuerySchema.extend({
    cursor: z.string().max(1000).optional(),
    sort: z.enum(sorts, { message: `sort must be one of ${sorts.join(", ")}` }).default(defaultSort),
  });
}

const field = (key: SortKey<unknown>, filter: unknown) => (key.relation ? { [key.relation]: { [key.column]: filter } } : { [key.column]: filter });

/** The `orderBy` of an order: its column, then id in the same direction. */
export function sortOrderBy<Row>(key: SortKey<Row>) {
  const column = key.nullable ? { sort: key.direction, nulls: "last" as const } : key.direction;
  return [field(key as SortKey<unknown>, column), { id: key.direction }];
}

/** The `where` fragment for the rows after the cursor in this order; {} without a cursor. */
export function afterSortCursor<Row>(order: SortOrder, key: SortKey<Row>, cursor: string | undefined) {
  if (!cursor) return {};
  const { value, id } = decodeSortCursor(order, key, cursor);
  const beyond = key.direction === "asc" ? "gt" : "lt";
  const k = key as SortKey<unknown>;
  // Nulls last: after a null only nulls with a further id; after a value, the further values, then every null.
  if (value === null) return { AND: [field(k, null), { id: { [beyond]: id } }] };
  return {
    OR: [field(k, { [beyond]: value }), { AND: [field(k, value), { id: { [beyond]: id } }] }, ...(key.nullable ? [field(k, null)] : [])],
  };
}

/** Query `limit + 1` rows in sortOrderBy() and pass them here. */
function toSortedPage<Row extends { id: string }>(order: SortOrder, key: SortKey<Row>, rows: Row[], limit: number): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeSortCursor(order, key.value(last), last.id) : null };
}

const tagOf = ({ list, sort }: SortOrder) => `${list}:${sort}`;

export function encodeSortCursor(order: SortOrder, value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([tagOf(order), value instanceof Date ? value.toISOString() : value, id])).toString("base64url");
}

export function decodeSortCursor<Row>(order: SortOrder, key: SortKey<Row>, cursor: string): { value: SortValue; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 3 && typeof value[1] !== "undefined" && typeof value[2] === "string" && UUID.test(value[2])) {
    const [tag, raw, id] = value as [unknown, unknown, string];
    if (tag !== tagOf(order)) throw invalidCursor("This cursor belongs to another list or sort order; start again without it");
    const decoded = decodeValue(key, raw);
    if (decoded !== undefined) return { value: decoded, id };
  }
  throw invalidCursor("The cursor is not valid; pass back the nextCursor of a previous page");
}

function decodeValue<Row>(key: SortKey<Row>, raw: unknown): SortValue | undefined {
  if (raw === null) return key.nullable ? null : undefined;
  if (typeof raw !== "string" || raw.length > 500 || !isStorableText(raw)) return undefined;
  if (key.type === "string") return raw;
  const date = new Date(raw);
  // Years 1–9999 only: JavaScript dates reach ±275760, PostgreSQL's timestamps do not.
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? undefined : date;
}

const invalidCursor = (message: string) => new AppError("bad_request", message, { fields: [{ field: "cursor", message: "Invalid cursor" }] });

/** A list answer: the page, how many rows match the filters, and how many there are at all. */
export type CountedPage<T> = Page<T> & { total: number; unfilteredTotal: number };

/**
 * One page of a list in `order` after `cursor`, with its two totals: `rows`
 * reads the rows matching the list's filters and `after` (the cursor's where
 * fragment) with `orderBy` and `take`; `total` counts the filtered rows,
 * `unfilteredTotal` all the caller may see (Prisma's queries, which run only
 * when awaited: nothing runs for a refused cursor). The three run together.
 */
export async function countedSortedPage<Row extends { id: string }>({
  order,
  key,
  cursor,
  limit,
  rows,
  total,
  unfilteredTotal,
}: {
  order: SortOrder;
  key: SortKey<Row>;
  cursor: string | undefined;
  limit: number;
  rows: (page: { after: object; orderBy: ReturnType<typeof sortOrderBy>; take: number }) => PromiseLike<Row[]>;
  total: PromiseLike<number>;
  unfilteredTotal: PromiseLike<number>;
}): Promise<CountedPage<Row>> {
  const after = afterSortCursor(order, key, cursor);
  const [found, filtered, all] = await Promise.all([rows({ after, orderBy: sortOrderBy(key), take: limit + 1 }), total, unfilteredTotal]);
  return { ...toSortedPage(order, key, found, limit), total: filtered, unfilteredTotal: all };
}
