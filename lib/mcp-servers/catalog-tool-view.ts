/** A catalog tool as the admin API shows it. */
export type CatalogToolView = {
  id: string;
  name: string;
  exposedName: string;
  title: string | null;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
  server: { id: string; slug: string; name: string };
};

export const catalogToolSelect = {
  id: true,
  name: true,
  exposedName: true,
  title: true,
  description: true,
  inputSchema: true,
  outputSchema: true,
  annotations: true,
  server: { select: { id: true, slug: true, name: true } },
} as const;

export const toCatalogToolView = (row: CatalogToolView): CatalogToolView => ({
  ...row,
  outputSchema: row.outputSchema ?? null,
  annotations: row.annotations ?? null,
});
