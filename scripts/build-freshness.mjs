// Whether the production build is older than the sources it was built from.
// server.ts and lib/ run from the current sources (tsx), so serving an older
// build of the pages and routes next to them would mix two versions of the app.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = path.join(".next", "BUILD_ID");
// What `next build` compiles, and what changes how it compiles.
const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", "generated", ".next", ".data"]);

/** The newest source file under `root` and its modification time (ms). */
function newestSource(root) {
  let newest = { file: null, mtimeMs: 0 };
  const consider = (file) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.ts$/.test(entry.name)) consider(full);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of SOURCE_FILES) if (existsSync(path.join(root, file))) consider(path.join(root, file));
  return { ...newest, file: newest.file && path.relative(root, newest.file) };
}

/** Why `npm start` must build first, or null when the build is current. */
export function reasonToBuild(root = process.cwd()) {
  const buildId = path.join(root, BUILD_ID);
  if (!existsSync(buildId)) return "no production build yet";
  const newest = newestSource(root);
  return newest.mtimeMs > statSync(buildId).mtimeMs ? `${newest.file} changed after the last build` : null;
}
