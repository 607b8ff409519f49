// `npm test`: typecheck, lint, unit, integration (PostgreSQL at DATABASE_URL,
// else an embedded PGlite), then Playwright end-to-end in Chromium against a
// production build. Stops at the first failing stage.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "../e2e/browser";
import { createScratchDatabase } from "../lib/testing/scratch-database";

type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs one stage and returns its exit code. */
async function runStage(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const code = await run(command, args, env);
  console.log(`${code === 0 ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return code;
}

/** Runs one stage; a failure ends the run. */
async function stage(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const code = await runStage(name, command, args, env);
  if (code !== 0) finish(code);
}

function addVitestCounts(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

function addPlaywrightCounts(file: string) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

function finish(code: number): never {
  addVitestCounts(".test-reports/unit.json");
  addVitestCounts(".test-reports/integration.json");
  addPlaywrightCounts(".test-reports/e2e.json");
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code === 0 && totals.failed > 0 ? 1 : code);
}

async function main() {
  rmSync(".test-reports", { recursive: true, force: true });
  const bin = (name: string) => `node_modules/.bin/${name}`;
  const browser = (() => {
    try {
      return { path: findChromium() };
    } catch (error) {
      return { error: (error as Error).message };
    }
  })();
  if ("error" in browser) {
    console.error(`✘ ${browser.error}`);
    process.exit(1);
  }

  await stage("typecheck", bin("tsc"), ["--noEmit"]);
  await stage("lint", bin("eslint"), [".", "--max-warnings=0"]);
  await stage("unit tests", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=.test-reports/unit.json"]);
  console.log(process.env.DATABASE_URL ? "Integration and end-to-end tests use PostgreSQL at DATABASE_URL" : "DATABASE_URL is not set: tests use an embedded PGlite");
  await stage("integration tests", bin("vitest"), [
    "run",
    "--project",
    "integration",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=.test-reports/integration.json",
  ]);
  await stage("production build", "npm", ["run", "build"]);

  const database = await createScratchDatabase("cr_e2e", process.env.DATABASE_URL);
  const runId = `${process.pid}`;
  let code = 1;
  try {
    code = await runStage("end-to-end tests (Chromium)", bin("playwright"), ["test"], {
      ...process.env,
      CI: "1",
      E2E_DATABASE_URL: database.url,
      E2E_RUN_ID: runId,
      ...(database.kind === "pglite" ? { E2E_DATABASE_POOL_SIZE: "1" } : {}),
    });
  } finally {
    await database.drop();
    rmSync(path.join(tmpdir(), `control-room-e2e-${runId}`), { recursive: true, force: true });
  }
  finish(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
