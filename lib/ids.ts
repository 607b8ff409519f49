import { z } from "zod";

// Ids as the API takes them: UUIDs, lowercased as the database stores them.

/** A service account named in a query filter (audit log, activity). */
export const serviceAccountIdFilter = z
  .string()
  .trim()
  .pipe(z.uuid("Must be a service account id (a UUID)"))
  .transform((id) => id.toLowerCase());
