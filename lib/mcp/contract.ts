// The mcp domain's contract: the catalog sync's outcome union, shared with lib/client by `import type`.

export type CatalogChanges = {
  tools: { added: string[]; removed: string[]; changed: string[] };
  prompts: number;
  resources: number;
  resourceTemplates: number;
  /** Toolsets that lost tools because the upstream no longer has them. */
  toolsetsAffected: string[];
};

export type SyncResult =
  | { status: "synced"; changes: CatalogChanges; toolCount: number }
  | { status: "error"; message: string }
  | { status: "skipped"; reason: "busy" | "disabled" | "not_found" };
