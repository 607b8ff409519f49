// No "server-only": the audit log page runs this in the browser.

export type AuditValueChange =
  | { path: string; kind: "added"; after: unknown }
  | { path: string; kind: "removed"; before: unknown }
  | { path: string; kind: "changed"; before: unknown; after: unknown };

export type AuditValueDiff = {
  /** Added, removed and changed fields, in the order they first appear (before's keys, then after's new ones). */
  changes: AuditValueChange[];
  /** Fields with the same value on both sides. */
  unchanged: { path: string; value: unknown }[];
};

/** The path of a value that is not an object (a bare string, an array), which has no keys to name it by. */
export const ROOT_PATH = "(value)";

type Leaves = Map<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Flattens nested objects into dotted paths (`grants.toolset.level`). Arrays
 * and empty objects are leaves: a list of ids that gained one member reads
 * better as one changed field than as shifted indexes.
 */
function flatten(value: unknown, prefix: string, into: Leaves): Leaves {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix || ROOT_PATH, value);
  }
  return into;
}

function leavesOf(value: unknown): Leaves {
  // An event with no before (a creation) or no after (a deletion) has no fields on that side.
  if (value === null || value === undefined) return new Map();
  return flatten(value, "", new Map());
}

// Key order inside objects does not make two values different.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** What an audit event's change did, field by field: the `before` and `after` JSON compared. */
export function diffAuditValues(before: unknown, after: unknown): AuditValueDiff {
  const left = leavesOf(before);
  const right = leavesOf(after);
  const changes: AuditValueChange[] = [];
  const unchanged: AuditValueDiff["unchanged"] = [];
  for (const [path, value] of left) {
    if (!right.has(path)) changes.push({ path, kind: "removed", before: value });
    else if (canonical(value) === canonical(right.get(path))) unchanged.push({ path, value });
    else changes.push({ path, kind: "changed", before: value, after: right.get(path) });
  }
  for (const [path, value] of right) {
    if (!left.has(path)) changes.push({ path, kind: "added", after: value });
  }
  return { changes, unchanged };
}
