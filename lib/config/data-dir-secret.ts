import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Returns the secret stored in `<dataDir>/<name>`, creating it (32 random
 * bytes, base64url, mode 0600) on first use. Lets the embedded default run with
 * no configuration while keeping sessions valid across restarts.
 */
export function loadOrCreateSecret({ dataDir, name }: { dataDir: string; name: string }): string {
  const file = path.resolve(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  // "wx": if another instance wrote it first, keep theirs.
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}
