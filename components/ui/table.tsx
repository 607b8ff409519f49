import { formatDate } from "@/lib/client/format-date";

/**
 * A bordered data table; pass a caption so screen readers can name it. A wide
 * table scrolls inside its own box (relative: the screen-reader-only caption
 * stays inside it too). `stickyActions` for tables whose last column holds
 * the rows' actions: it sticks to the right edge, so they are always in sight.
 */
export function Table({ caption, children, stickyActions = false }: { caption: string; children: React.ReactNode; stickyActions?: boolean }) {
  const sticky = stickyActions
    ? "[&_tbody_td:last-child]:sticky [&_tbody_td:last-child]:right-0 [&_tbody_td:last-child]:bg-white [&_thead_th:last-child]:sticky [&_thead_th:last-child]:right-0 [&_thead_th:last-child]:bg-slate-50"
    : "";
  return (
    <div className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${sticky}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className = "", sort }: { children?: React.ReactNode; className?: string; sort?: SortDirection }) {
  return (
    <th scope="col" aria-sort={sort} className={`px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`px-4 py-3 align-middle ${className}`}>{children}</td>;
}

export type SortDirection = "ascending" | "descending" | "none";

/** A sortable column's two orders, by their API names ("name" and "-name"); `first` is the one a first click picks. */
export type ColumnSort<Sort extends string = string> = { ascending: Sort; descending: Sort; first?: "ascending" | "descending" };

export function sortDirection(column: ColumnSort, sort: string): SortDirection {
  return sort === column.ascending ? "ascending" : sort === column.descending ? "descending" : "none";
}

/** The order a click on the header picks: the other direction when sorted by it, else its first. */
export function nextSort<Sort extends string>(column: ColumnSort<Sort>, sort: string): Sort {
  const direction = sortDirection(column, sort);
  if (direction === "none") return column[column.first ?? "ascending"];
  return direction === "ascending" ? column.descending : column.ascending;
}

/** A header cell that sorts the list: a button in the th, whose aria-sort says the direction. */
export function SortableTh<Sort extends string>({ label, column, sort, onSort, className }: { label: string; column: ColumnSort<Sort>; sort: string; onSort: (sort: Sort) => void; className?: string }) {
  const direction = sortDirection(column, sort);
  return (
    <Th className={className} sort={direction}>
      <SortButton label={label} direction={direction} onClick={() => onSort(nextSort(column, sort))} />
    </Th>
  );
}

/** A column header that sorts the list: a button, with the direction said to screen readers by the th's aria-sort. */
export function SortButton({ label, direction, onClick }: { label: string; direction: SortDirection; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="inline-flex items-center gap-1 font-semibold tracking-wide uppercase hover:text-slate-900">
      {label}
      <span aria-hidden="true" className="text-slate-500">
        {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
      </span>
    </button>
  );
}

export type Column<Row> = {
  header: React.ReactNode;
  /** Classes of the header cell ("text-right" for numbers). */
  headerClassName?: string;
  /** The header's aria-sort, for a column the list is sorted by. */
  sort?: SortDirection;
  /** Makes the header a sort button (with a string header): the column's two orders. */
  sortBy?: ColumnSort;
  /** Classes of each body cell. */
  className?: string;
  cell: (row: Row) => React.ReactNode;
};

/** The "Created" column of a list sorted by age (`oldest`/`newest`; a first click shows the newest). */
export function createdColumn<Row extends { createdAt: string }>(): Column<Row> {
  return {
    header: "Created",
    sortBy: { ascending: "oldest", descending: "newest", first: "descending" },
    className: "whitespace-nowrap text-slate-700",
    cell: (row) => <time dateTime={row.createdAt}>{formatDate(row.createdAt)}</time>,
  };
}

type DataTableProps<Row> = {
  caption: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: (Column<Row> | null | false)[];
  /** The row's actions, in a last column that sticks to the right edge. */
  actions?: (row: Row) => React.ReactNode;
  /** Classes of the actions cell, where the row's cells align other than in the middle. */
  actionsClassName?: string;
  /** Classes of each row ("hover:bg-slate-50" where the row links somewhere). */
  rowClassName?: string;
  /** The list's order and how to change it, for columns with `sortBy`. */
  sort?: string;
  onSort?: (sort: string) => void;
};

/** A Table from columns: one header and one cell per column; a false or null column is left out. */
export function DataTable<Row>({ caption, rows, rowKey, columns, actions, actionsClassName = "text-right", rowClassName, sort = "", onSort }: DataTableProps<Row>) {
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  return (
    <Table stickyActions={Boolean(actions)} caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          {shown.map((column, index) =>
            column.sortBy && onSort && typeof column.header === "string" ? (
              <SortableTh key={index} label={column.header} column={column.sortBy} sort={sort} onSort={onSort} className={column.headerClassName} />
            ) : (
              <Th key={index} className={column.headerClassName} sort={column.sort}>
                {column.header}
              </Th>
            ),
          )}
          {actions ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName}>
            {shown.map((column, index) => (
              <Td key={index} className={column.className}>
                {column.cell(row)}
              </Td>
            ))}
            {actions ? <Td className={actionsClassName}>{actions(row)}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
