// `npm test`: typecheck, lint, unit, integration (PostgreSQL at DATABASE_URL,
// else an embedded PGlite), then Playwright end-to-end in Chromium against a
// production build. Stops at the first failing stage.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "../e2e/browser";
import { E2E_PORTS, freePortRun, isPortFree } from "../e2e/free-port";
import { missingRedisServer } from "../lib/testing/require-redis-server";
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
  // Everything else the run needs, checked before the first stage, each in one line.
  const redis = missingRedisServer();
  if (redis) {
    console.error(`✘ ${redis}`);
    process.exit(1);
  }
  const e2ePort = await pickE2ePort();

  await stage("typecheck", bin("tsc"), ["--noEmit"]);
  await stage("lint", bin("eslint"), [".", "--max-warnings=0"]);
  await stage("import rings", "npm", ["run", "--silent", "lint:rings"]);
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
      E2E_PORT: String(e2ePort),
      E2E_DATABASE_URL: database.url,
      E2E_RUN_ID: runId,
      ...(database.kind === "pglite" ? { E2E_DATABASE_POOL_SIZE: "1" } : {}),
    });
  } finally {
    await database.drop();
    rmSync(path.join(tmpdir(), `control-room-e2e-${runId}`), { recursive: true, force: true });
    // The app instances' log leaves the temporary folder; a failed run keeps a copy beside its reports.
    const serverLog = path.join(tmpdir(), `control-room-e2e-${runId}-server.log`);
    if (existsSync(serverLog)) {
      if (code !== 0) {
        mkdirSync(".test-reports", { recursive: true });
        copyFileSync(serverLog, ".test-reports/e2e-server.log");
        console.log("The app's log of this run: .test-reports/e2e-server.log");
      }
      rmSync(serverLog, { force: true });
    }
  }
  finish(code);
}

/**
 * The end-to-end server's port and the two after it (a second instance, the
 * metrics listener): E2E_PORT when given (all three must be free), else free
 * ones picked now.
 */
async function pickE2ePort(): Promise<number> {
  const given = process.env.E2E_PORT;
  if (!given) return freePortRun(E2E_PORTS);
  const port = Number(given);
  const last = port + E2E_PORTS - 1;
  if (!Number.isInteger(port) || port < 1 || last > 65535) {
    console.error(`✘ E2E_PORT=${given} is not a port number (1-${65536 - E2E_PORTS})`);
    process.exit(1);
  }
  for (let candidate = port; candidate <= last; candidate++) {
    if (!(await isPortFree(candidate))) {
      console.error(`✘ Port ${candidate} is in use, and the end-to-end tests need ports ${port}-${last} (E2E_PORT=${port}): free it, choose another E2E_PORT, or leave it unset to pick free ports`);
      process.exit(1);
    }
  }
  return port;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
