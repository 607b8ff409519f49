import { spawnSync } from "node:child_process";

/**
 * The rate-limit integration test starts a redis-server of its own. Without
 * one on PATH, say so up front in one line, with how to install it, instead
 * of an uncaught ENOENT in the middle of the run. Returns the problem, or null.
 */
export function missingRedisServer(): string | null {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (!probe.error) return null;
  return (
    "redis-server is not on PATH; the rate-limit tests start their own. Install it: " +
    "`sudo apt-get install redis-server` (Debian/Ubuntu), `brew install redis` (macOS), `sudo dnf install redis` (Fedora)"
  );
}
