import { AppError, type FieldProblem } from "@/lib/errors";

// PostgreSQL cannot store NUL (U+0000) in text or jsonb (error 22021/22P05),
// and a lone UTF-16 surrogate has no UTF-8 form (the driver would quietly turn
// it into U+FFFD, so what is stored is not what was sent). Every input is
// checked for both once, where it enters — the JSON body, the query string and
// the path — before any schema or query sees it, so no route can forget it.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string can be stored exactly as sent. */
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/** The first field (by its dotted path) holding a string or key that cannot be stored; null when all can. */
export function findUnstorableField(value: unknown, path: string[] = []): FieldProblem | null {
  const field = () => path.join(".") || "(body)";
  if (typeof value === "string") {
    return isStorableText(value) ? null : { field: field(), message: "Contains a character that cannot be stored (NUL or an unpaired surrogate)" };
  }
  if (!value || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (!isStorableText(key)) return { field: [...path, "(key)"].join("."), message: "A field name contains a character that cannot be stored" };
    const found = findUnstorableField(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Throws the 400 naming the field when any string in `value` cannot be stored. */
export function assertStorableInput(value: unknown, path: string[] = []): void {
  const problem = findUnstorableField(value, path);
  if (problem) throw new AppError("validation_failed", `${problem.field}: ${problem.message}`, { fields: [problem] });
}
