import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` here (see README, "Database").
// Migrations are applied by lib/db/migrate.ts, so no URL is needed to generate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
