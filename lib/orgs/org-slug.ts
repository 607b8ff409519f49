import { z } from "zod";

// Organization slugs share the URL root with the app's fixed routes, so these
// can never be slugs (see DESIGN.md, Tenancy). Keep in step with app/.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin", "api", "app", "assets", "auth", "dashboard", "docs", "favicon.ico", "health", "healthz", "help", "metrics", "readyz",
  "login", "logout", "new", "oauth", "org", "orgs", "public", "robots.txt", "settings", "sign-in", "sign-out",
  "signin", "signout", "signup", "static", "status", "support", "system", "v1", "v2", "well-known", "www",
  "_next",
]);

export const orgSlugSchema = z
  .string()
  .min(3, "Slug must be at least 3 characters")
  .max(40, "Slug must be at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, not at either end")
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: "This slug is reserved by Control Room" });
