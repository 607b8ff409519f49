// `npm run profile:relay`: where a relayed tools/call's CPU time goes. It
// starts the bench upstream, the MCP endpoint alone under `--cpu-prof`, puts
// one bot with a real token (100-entry allowlist, a rate limit) on a
// throwaway database, warms it up, then profiles it (the measured window
// only) while wrk drives tools/call for PROFILE_SECONDS at
// PROFILE_CONNECTIONS, and prints its CPU time per call and the profile
// summarized by module. PROFILE_METHOD=tools/list profiles the bench's
// tools/list instead: a restricted bot that sees 101 of 1,001 tools.
// A script, not a test.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { startBenchUpstream } from "./bench-gateway";
import { seedRelayBot } from "./seed-relay-bot";
import { summarizeProfile } from "./summarize-cpu-profile";
import pg from "pg";

const run = promisify(execFile);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 32);
/** PROFILE_CPU=0: time and CPU per call only, without the profiler's overhead (for an A/B of latency). */
const PROFILE = process.env.PROFILE_CPU !== "0";
const LIST = process.env.PROFILE_METHOD === "tools/list";
if (process.env.PROFILE_METHOD && !LIST) throw new Error(`PROFILE_METHOD is tools/call (the default) or tools/list, not ${process.env.PROFILE_METHOD}`);
const META = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };

async function main() {
  const database = await createScratchDatabase("cr_profile", process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const profileDir = mkdtempSync(path.join(tmpdir(), "cr-relay-profile-"));
  const upstream = await startBenchUpstream();
  try {
    await migrateDatabase({ connectionString: database.url });
    const { token } = await seedRelayBot({ databaseUrl: database.url, upstreamUrl: upstream.url, slug: "profile", ...(LIST ? { access: "toolset", catalog: true } : { access: "full" }) });

    const gateway = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/relay-only.ts", PROFILE ? path.join(profileDir, "relay.cpuprofile") : "-"], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
    const lines: string[] = [];
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const check = () => {
          const found = lines.map((l) => pattern.exec(l)).find(Boolean);
          if (found) resolve(found);
          else gateway.stdout!.once("data", check);
        };
        check();
      });
    gateway.stdout!.on("data", (chunk: Buffer) => lines.push(...String(chunk).split("\n")));
    const url = (await waitFor(/^gateway (\S+)/))[1];
    const body = JSON.stringify(LIST ? { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: META } } : { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "bench__greet", arguments: { name: "p" }, _meta: META } });
    const headers = `content-type: application/json|accept: application/json, text/event-stream|mcp-protocol-version: 2026-07-28|${LIST ? "mcp-method: tools/list" : "mcp-method: tools/call|mcp-name: bench__greet"}|authorization: Bearer ${token}`;
    const drive = async (seconds: number) => {
      const { stdout } = await run("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", "scripts/bench-check.lua", `${url}org/profile`], { env: { ...process.env, BENCH_BODY: body, BENCH_HEADERS: headers } });
      const result = JSON.parse(stdout.split("\n").find((l) => l.startsWith("BENCH "))!.slice(6)) as { requests: number; p50: number; failed: number; errors: number };
      if (result.failed || result.errors) throw new Error(`wrk saw ${result.failed} failed answers and ${result.errors} errors: the profile is void`);
      return result;
    };
    await drive(3); // warm-up: JIT, pools, prepared statements
    // Only the measured window is profiled: not the start-up, not the warm-up.
    gateway.kill("SIGUSR2");
    await waitFor(/^profiling/);
    const backends = await databaseBackends(database.url);
    const pgBefore = cpuTicksOf(backends);
    const result = await drive(SECONDS);
    const pgMs = ((cpuTicksOf(backends) - pgBefore) * 1000) / CLOCK_TICKS;
    gateway.kill("SIGINT");
    const cpu = JSON.parse((await waitFor(/^cpu (.*)/))[1]) as { ms: number; systemMs: number };
    await new Promise((resolve) => gateway.once("exit", resolve));
    console.log(`c${CONNECTIONS}: ${(result.requests / SECONDS).toFixed(0)} calls/s, p50 ${(result.p50 / 1000).toFixed(3)} ms, gateway CPU ${(cpu.ms / result.requests).toFixed(3)} ms/call (${(cpu.systemMs / result.requests).toFixed(3)} ms of it in the kernel), PostgreSQL CPU ${backends.length ? (pgMs / result.requests).toFixed(3) : "?"} ms/call`);
    if (!PROFILE) return;
    const rows = summarizeProfile(JSON.parse(readFileSync(path.join(profileDir, "relay.cpuprofile"), "utf8")));
    const busy = rows.filter((r) => r.module !== "(idle)").reduce((sum, r) => sum + r.ms, 0);
    console.log(`relay CPU by module (${(busy / 1000).toFixed(1)} s busy in the profile):`);
    for (const row of rows.filter((r) => r.module !== "(idle)").slice(0, 25)) console.log(`${((row.ms / busy) * 100).toFixed(1).padStart(5)} %  ${row.module}`);
  } finally {
    upstream.process.kill("SIGTERM");
    await database.drop();
  }
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** The server processes serving the gateway's connections to this database (on this machine: PGlite has none). */
async function databaseBackends(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return rows.map((r) => r.pid);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}

/** User + system CPU ticks of these processes so far (0 for any that is gone or unreadable). */
function cpuTicksOf(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + Number(fields[11]) + Number(fields[12]);
    } catch {
      return sum;
    }
  }, 0);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
