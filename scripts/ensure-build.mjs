// `npm start` builds first when there is no production build yet, or when a
// source file changed after the last build (scripts/build-freshness.mjs).
import { spawnSync } from "node:child_process";
import { reasonToBuild } from "./build-freshness.mjs";

const reason = reasonToBuild();
if (reason) {
  console.log(`[control-room] ${reason}: running \`npm run build\``);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
