import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

export type SpecVersion = "2025-11-25" | "2026-07-28";

export type CheckStatus = "SUCCESS" | "FAILURE" | "WARNING" | "SKIPPED" | "INFO";

/** One check as the suite writes it to checks.json. */
export type ConformanceCheck = { id: string; name: string; description: string; status: CheckStatus; errorMessage?: string; details?: unknown };

export type ScenarioResult = {
  scenario: string;
  /** failed: at least one FAILURE check; skipped: the suite did not run it at this version (no checks). */
  status: "passed" | "failed" | "skipped";
  passed: number;
  failed: number;
  warnings: number;
  skipped: number;
  failures: string[];
  warningMessages: string[];
  checks: ConformanceCheck[];
};

export type ConformanceReport = { url: string; specVersion: SpecVersion; scenarios: ScenarioResult[]; durationMs: number };

export type RunConformanceOptions = {
  url: string;
  specVersion: SpecVersion;
  /**
   * Scenarios to run, one suite process each. Named scenarios run even where
   * the suite would skip them at this version (--force): that is how the
   * extension scenarios (tasks-*, sep-2640-*) run at all. Default: every
   * scenario of the suite (--suite all) that applies at `specVersion`.
   */
  scenarios?: string[];
  /** Hard limit for one suite process; it is killed when exceeded. */
  timeoutMs?: number;
  /** The suite's own per-scenario limit. */
  scenarioTimeoutMs?: number;
};

const localRequire = createRequire(path.join(process.cwd(), "package.json"));
// The suite needs Node 22; the machines run 20, so it runs on the `node` package's binary.
const NODE_22 = path.join(path.dirname(localRequire.resolve("node/package.json")), "bin", "node");
const SUITE = path.join(path.dirname(localRequire.resolve("@modelcontextprotocol/conformance/package.json")), "dist", "index.js");
// kc() in the suite: <output>/server-<scenario>-<ISO time with : and . as ->
const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/**
 * Runs the official MCP conformance suite (server mode) as a child process
 * against `url` and returns a result per scenario, parsed from the
 * checks.json files it writes.
 */
export async function runConformance({ url, specVersion, scenarios, timeoutMs = 600_000, scenarioTimeoutMs = 30_000 }: RunConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const outputDir = await mkdtemp(path.join(tmpdir(), "conformance-"));
  try {
    const base = ["server", "--url", url, "--suite", "all", "--spec-version", specVersion, "--output-dir", outputDir, "--timeout", String(scenarioTimeoutMs)];
    const runs = scenarios?.length ? scenarios.map((scenario) => [...base, "--scenario", scenario, "--force"]) : [base];
    let output = "";
    for (const args of runs) {
      const deadline = timeoutMs - (Date.now() - started);
      if (deadline <= 0) throw new Error(`conformance suite: the run took longer than ${timeoutMs} ms`);
      output += await runSuite(args, deadline);
    }
    const notApplicable = new Set([...output.matchAll(/SKIPPED: scenario '([^']+)' is not applicable/g)].map((match) => match[1]));
    const results = await readResults(outputDir, notApplicable);
    const missing = (scenarios ?? []).filter((scenario) => !results.some((result) => result.scenario === scenario));
    if (missing.length > 0) throw new Error(`conformance suite: no result for ${missing.join(", ")} (unknown scenario?)`);
    if (results.length === 0) throw new Error("conformance suite: it ran no scenario");
    return { url, specVersion, scenarios: results, durationMs: Date.now() - started };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

// Suite processes still running: killed if this process exits first (Ctrl-C on npm run conformance, a dying test worker).
const running = new Set<ReturnType<typeof spawn>>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/**
 * Runs one suite process and resolves with its output. Its exit code says
 * whether checks failed, which the results tell anyway, so only a crash, a
 * usage error or the timeout is an error here.
 */
function runSuite(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_22, [SUITE, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    const tail = () => output.slice(-4000);
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`conformance suite: killed after ${timeoutMs} ms (${args.join(" ")})\n${tail()}`));
    }, timeoutMs);
    child.once("error", (error) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`conformance suite: could not start ${NODE_22}: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      // 0: all passed, 1: some check failed. Anything else is the suite itself failing.
      if (signal || (code !== 0 && code !== 1)) return reject(new Error(`conformance suite: exited with ${signal ?? code}\n${tail()}`));
      if (code === 1 && /Validation error|Server test error|Unknown suite/.test(output)) return reject(new Error(`conformance suite: ${tail().trim()}`));
      resolve(output);
    });
  });
}

/** The scenarios the suite lists for a spec version (`list --server --spec-version`): what a full run must cover. */
export function listConformanceScenarios(specVersion: SpecVersion): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_22, [SUITE, "list", "--server", "--spec-version", specVersion], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`conformance suite: list exited with ${code}`));
      resolve([...output.matchAll(/^\s+- (\S+)/gm)].map((match) => match[1]));
    });
  });
}

async function readResults(outputDir: string, notApplicable: Set<string>): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const entry of (await readdir(outputDir)).sort()) {
    const scenario = RESULT_DIR.exec(entry)?.[1];
    if (!scenario) continue;
    // The suite makes the folder before it decides a scenario does not apply, and writes no
    // checks.json for one that threw: only the first is a skip, the second is a failure.
    const checks = await readFile(path.join(outputDir, entry, "checks.json"), "utf8").then((text) => JSON.parse(text) as ConformanceCheck[], () => undefined);
    results.push(summarize(scenario, checks ?? (notApplicable.has(scenario) ? [] : [CRASHED])));
  }
  return results;
}

const CRASHED: ConformanceCheck = { id: "scenario-crashed", name: "ScenarioCrashed", description: "The suite recorded no checks for this scenario (it threw)", status: "FAILURE" };

/** Counts one scenario's checks; the suite's own wire-schema checks count like any other. */
export function summarize(scenario: string, checks: ConformanceCheck[]): ScenarioResult {
  const having = (status: CheckStatus) => checks.filter((check) => check.status === status);
  const describe = (check: ConformanceCheck) => `${check.id}: ${check.errorMessage ?? check.description}`;
  const failed = having("FAILURE");
  const warnings = having("WARNING");
  return {
    scenario,
    status: checks.length === 0 ? "skipped" : failed.length > 0 ? "failed" : "passed",
    passed: having("SUCCESS").length,
    failed: failed.length,
    warnings: warnings.length,
    skipped: having("SKIPPED").length,
    failures: failed.map(describe),
    warningMessages: warnings.map(describe),
    checks,
  };
}
