/**
 * PostgreSQL's percentile_cont: the value at fraction p of the sorted values,
 * interpolated linearly between the two nearest. For tests that check a p95
 * the database computed against the rows they seeded.
 */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
