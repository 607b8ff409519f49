import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const localRequire = createRequire(import.meta.url);
// The suite needs Node 22; the machines run 20, so it runs on the `node` package's binary.
const NODE_22 = path.join(path.dirname(localRequire.resolve("node/package.json")), "bin", "node");
const SUITE = path.join(path.dirname(localRequire.resolve("@modelcontextprotocol/conformance/package.json")), "dist", "index.js");

// Suite processes still running: killed if this process exits first (Ctrl-C on npm run conformance, a dying test worker).
const running = new Set<ReturnType<typeof spawn>>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

export type SuiteExit = { code: number; output: string };

/**
 * Runs the conformance suite CLI with `args` on Node 22 and resolves with
 * its exit code and output (stdout and stderr). Rejects only when it cannot
 * start, dies from a signal, or outlives `timeoutMs`, in which case it is
 * killed first.
 */
export function runSuiteProcess(args: string[], timeoutMs: number): Promise<SuiteExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_22, [SUITE, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`conformance suite: killed after ${timeoutMs} ms (${args.join(" ")})\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.once("error", (error) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`conformance suite: could not start ${NODE_22}: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      if (code === null) return reject(new Error(`conformance suite: died from ${signal} (${args.join(" ")})\n${output.slice(-4000)}`));
      resolve({ code, output });
    });
  });
}

/** Server scenario names as `list --server [--spec-version]` prints them. */
export async function listSuiteScenarios(specVersion?: string): Promise<string[]> {
  const { code, output } = await runSuiteProcess(["list", "--server", ...(specVersion ? ["--spec-version", specVersion] : [])], 60_000);
  if (code !== 0) throw new Error(`conformance suite: list exited with ${code}\n${output}`);
  return [...output.matchAll(/^\s+- (\S+)/gm)].map((match) => match[1]);
}
