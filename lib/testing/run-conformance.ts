import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { listSuiteScenarios, runSuiteProcess } from "./conformance/suite-process";

export type SpecVersion = "2025-11-25" | "2026-07-28";

export type CheckStatus = "SUCCESS" | "FAILURE" | "WARNING" | "SKIPPED" | "INFO";

/** One check as the suite writes it to checks.json. */
export type ConformanceCheck = { id: string; name: string; description: string; status: CheckStatus; errorMessage?: string; details?: unknown };

export type ScenarioResult = {
  scenario: string;
  /** failed: at least one FAILURE check (a scenario that threw counts as one); skipped: it recorded no checks. */
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
  /** Hard limit for the whole run; a suite process still running then is killed. */
  timeoutMs?: number;
  /** The suite's own per-scenario limit. */
  scenarioTimeoutMs?: number;
};

// kc() in the suite: <output>/server-<scenario>-<ISO time with : and . as ->
const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/**
 * Runs the official MCP conformance suite (server mode) as a child process
 * against `url` and returns a result per scenario, parsed from the
 * checks.json files it writes.
 */
export async function runConformance({ url, specVersion, scenarios, timeoutMs = 600_000, scenarioTimeoutMs = 30_000 }: RunConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  if (scenarios?.length) {
    const known = new Set(await listSuiteScenarios());
    const unknown = scenarios.filter((scenario) => !known.has(scenario));
    if (unknown.length) throw new Error(`conformance suite: no server scenario named ${unknown.join(", ")}`);
  }
  const outputDir = await mkdtemp(path.join(tmpdir(), "conformance-"));
  try {
    const base = ["server", "--url", url, "--suite", "all", "--spec-version", specVersion, "--output-dir", outputDir, "--timeout", String(scenarioTimeoutMs)];
    const runs: (string | undefined)[] = scenarios?.length ? scenarios : [undefined];
    // A scenario that throws leaves no checks.json, only a line in the output: why it failed.
    const errors = new Map<string, string>();
    for (const scenario of runs) {
      const left = timeoutMs - (Date.now() - started);
      if (left <= 0) throw new Error(`conformance suite: the run took longer than ${timeoutMs} ms`);
      const { output } = await runSuiteProcess(scenario ? [...base, "--scenario", scenario, "--force"] : base, left);
      for (const [, name, message] of output.matchAll(/Failed to run scenario ([^\s:]+):\s*(.*)/g)) errors.set(name, message);
      const thrown = /Server test error:\s*(.*)/.exec(output)?.[1];
      if (thrown !== undefined && !scenario) throw new Error(`conformance suite: ${thrown}`);
      if (thrown !== undefined && scenario) errors.set(scenario, thrown);
    }
    const results = await readResults(outputDir, errors);
    if (results.length === 0) throw new Error("conformance suite: it ran no scenario");
    return { url, specVersion, scenarios: results, durationMs: Date.now() - started };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function readResults(outputDir: string, errors: Map<string, string>): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const entry of (await readdir(outputDir)).sort()) {
    const scenario = RESULT_DIR.exec(entry)?.[1];
    if (!scenario) continue;
    const checks = await readFile(path.join(outputDir, entry, "checks.json"), "utf8").then((text) => JSON.parse(text) as ConformanceCheck[], () => undefined);
    results.push(summarize(scenario, checks ?? [threw(errors.get(scenario))]));
  }
  return results;
}

const threw = (message = "the suite recorded no checks"): ConformanceCheck => ({
  id: "scenario-threw",
  name: "ScenarioThrew",
  description: "The scenario ended with an exception before recording its checks",
  status: "FAILURE",
  errorMessage: message,
});

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

/** The scenarios the suite lists for a spec version: what a full run at that version must cover. */
export function listConformanceScenarios(specVersion: SpecVersion): Promise<string[]> {
  return listSuiteScenarios(specVersion);
}
