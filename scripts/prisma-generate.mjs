// Generates the Prisma client with no download. Prisma 7's CLI wants a native
// schema engine it would fetch from the internet; `generate` never runs it, so
// when none is installed we point PRISMA_SCHEMA_ENGINE_BINARY at a stub.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = ["/bin/false", "/usr/bin/false"].find((p) => existsSync(p)) ?? process.execPath;
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
