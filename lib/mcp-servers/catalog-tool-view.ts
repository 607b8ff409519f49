import type { CatalogToolView } from "@/lib/mcp-servers/contract";
export type { CatalogToolView } from "@/lib/mcp-servers/contract";

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
