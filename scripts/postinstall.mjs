// After `npm install`: generate the Prisma client (scripts/prisma-generate.mjs)
// and keep the machine's own Node.js in charge of every npm script. The `node`
// devDependency brings Node 22 for the MCP conformance suite, which needs it
// (lib/testing/run-conformance.ts runs node_modules/node/bin/node directly);
// npm would also link it as node_modules/.bin/node, which npm scripts put
// first on PATH, so `npm start` and `npm test` would silently run on Node 22
// instead of the Node the machine has (20.19 or newer must keep working).
import { spawnSync } from "node:child_process";
import { lstatSync, readlinkSync, rmSync } from "node:fs";

const link = "node_modules/.bin/node";
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes("node/bin/node")) rmSync(link);
} catch {
  // No link: nothing to undo.
}
const result = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
process.exit(result.status ?? 1);
