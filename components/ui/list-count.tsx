/**
 * How many rows a list has: "12 tokens", or "3 of 12 tokens" under a filter or
 * search, and "· showing 50" while more pages wait. Announced politely, so a
 * screen reader hears the count change as a filter applies.
 */
export function ListCount({ page, shown, noun }: { page?: { total: number; unfilteredTotal: number }; shown: number; noun: [singular: string, plural: string] }) {
  if (!page) return <p className="mb-2 text-sm text-slate-600" aria-live="polite" />;
  const { total, unfilteredTotal: all } = page;
  const name = all === 1 ? noun[0] : noun[1];
  return (
    <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="list-count">
      {total === all ? `${all} ${name}` : `${total} of ${all} ${name}`}
      {total > shown ? ` · showing ${shown}` : null}
    </p>
  );
}
