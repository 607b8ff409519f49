import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { E2E } from "./settings";

/**
 * An app instance of a spec's own (production mode, server.ts as `npm start`
 * runs it), for tests that stop, overload or break what it depends on.
 * Resolves once it says it is ready; its output goes to the run's server log,
 * which the suite scans for secrets afterwards.
 */
export async function startAppInstance({ base, env }: { base: string; env: Record<string, string> }): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: new URL(base).port,
      NEXTAUTH_URL: base,
      LOG_LEVEL: "debug",
      UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(E2E.serverLog, { flags: "a" });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("Control Room is ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the app instance on ${base} exited with ${code}`)));
  });
  return child;
}

/** Stops an instance the way a platform does (SIGTERM) and waits for it to go. */
export async function stopAppInstance(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The instance's resident memory in MB (Linux; null elsewhere). */
export function residentMegabytes(child: ChildProcess): number | null {
  try {
    // tsx runs the server in a child of its own: take the largest process in the tree.
    const children = (() => {
      try {
        return execFileSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
      } catch {
        return []; // pgrep exits 1 when there is none
      }
    })();
    const pids = [child.pid!, ...children];
    const sizes = pids.map((pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return Math.round(Math.max(...sizes) / 1024);
  } catch {
    return null;
  }
}
