/** Fields a snapshot names its object by, in order of preference. */
const NAME_FIELDS = ["name", "exposedName", "email", "cidr", "prefix", "slug"] as const;

/**
 * The target's name as the event recorded it (its after, else its before
 * snapshot): the name at the time, even if the object was renamed or deleted since.
 */
export function auditTargetLabel(before: unknown, after: unknown): string | null {
  for (const snapshot of [after, before]) {
    if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) continue;
    const record = snapshot as Record<string, unknown>;
    for (const field of NAME_FIELDS) {
      const value = record[field];
      if (typeof value === "string" && value.trim()) return field === "prefix" ? `${value}…` : value;
    }
  }
  return null;
}
