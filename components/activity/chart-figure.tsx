"use client";

import { useId } from "react";
import { Table, Td, Th } from "@/components/ui/table";

export type ChartTable = { caption: string; columns: string[]; rows: { key: string; cells: (string | number)[] }[] };

/**
 * A chart as a figure: the caption names it, and the numbers behind it are one
 * click away as a table, for screen readers and for anyone who wants the exact
 * values rather than bar lengths.
 */
export function ChartFigure({ title, description, height, table, children }: { title: string; description?: string; height: number; table: ChartTable; children: React.ReactNode }) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <span id={titleId} className="block text-sm font-semibold text-slate-900">
          {title}
        </span>
        {description ? (
          <span id={descriptionId} className="mt-0.5 block text-xs text-slate-500">
            {description}
          </span>
        ) : null}
      </figcaption>
      {/* The chart sizes itself to this box; a fixed height keeps it from collapsing to nothing. */}
      <div style={{ height }} className="w-full">
        {children}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 hover:underline">Show data table</summary>
        <div className="mt-3">
          <Table caption={table.caption}>
            <thead className="bg-slate-50">
              <tr>
                {table.columns.map((column, i) => (
                  <Th key={column} className={i === 0 ? "" : "text-right"}>
                    {column}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="px-4 py-2 text-left font-normal break-all text-slate-900">
                        {cell}
                      </th>
                    ) : (
                      <Td key={i} className="py-2 text-right text-slate-700 tabular-nums">
                        {cell}
                      </Td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
