// `npm run bench:relay-ab`: a quick A/B of the relay between checkouts (or
// node flags), against the same floor, in one run. It seeds a throwaway
// database like `npm run bench` (scripts/seed-relay-bot.ts: a restricted bot,
// its toolset in the bench's 1,000-tool catalog, a 100-entry allowlist whose last entry matches, a rate limit), starts the bench
// upstream, the bare proxy, the proxy running the relay's own statement, and
// the MCP endpoint alone (scripts/relay-only.ts) from each checkout, then
// drives each with wrk in interleaved rounds (the gateways' order reversed
// every other round, so neither always runs first) and prints per round the
// p50 and the gateway's CPU per call (from /proc), then the medians. CPU per
// call moves much less than latency when the machine's speed drifts, so it
// is the number to read for a change worth tens of microseconds.
//
// RELAY_AB_DIRS   checkouts to compare, comma-separated (default "."; each
//                 needs node_modules and a generated Prisma client)
// RELAY_AB_FLAGS  node flags for the second checkout's gateway only
// RELAY_AB_C      wrk connections (default 1), RELAY_AB_ROUNDS (default 6),
//                 RELAY_AB_SECONDS per measurement (default 5)
// A script, not a test.
import { execFile, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import { child, startBenchUpstream } from "./bench-gateway";
import { seedRelayBot } from "./seed-relay-bot";

const run = promisify(execFile);
const SECONDS = Number(process.env.RELAY_AB_SECONDS ?? 5);
const ROUNDS = Number(process.env.RELAY_AB_ROUNDS ?? 6);
const CONNECTIONS = Number(process.env.RELAY_AB_C ?? 1);
const DIRS = (process.env.RELAY_AB_DIRS ?? ".").split(",").map((dir) => path.resolve(dir));
const FLAGS = process.env.RELAY_AB_FLAGS?.split(" ").filter(Boolean) ?? [];
const META = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };

type Side = { name: string; url: string; tool: string; authorization?: string; pid?: number };

/** User + system CPU ticks (1/100 s) of a process so far. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function drive(side: Side, seconds: number) {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: side.tool, arguments: { name: "ab" }, _meta: META } });
  const headers = ["content-type: application/json", "accept: application/json, text/event-stream", "mcp-protocol-version: 2026-07-28", "mcp-method: tools/call", `mcp-name: ${side.tool}`];
  if (side.authorization) headers.push(`authorization: ${side.authorization}`);
  const before = side.pid ? cpuTicks(side.pid) : 0;
  const { stdout } = await run("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", "scripts/bench-check.lua", side.url], {
    env: { ...process.env, BENCH_BODY: body, BENCH_HEADERS: headers.join("|") },
  });
  const result = JSON.parse(stdout.split("\n").find((l) => l.startsWith("BENCH "))!.slice(6)) as { requests: number; p50: number; failed: number; errors: number; sample: string };
  if (result.failed || result.errors) throw new Error(`${side.name}: ${result.failed} failed answers, ${result.errors} errors — the run is void. First: ${result.sample}`);
  const cpuUsPerCall = side.pid ? ((cpuTicks(side.pid) - before) * 10_000) / result.requests : null;
  return { p50Ms: result.p50 / 1000, callsPerSecond: result.requests / seconds, cpuUsPerCall };
}

async function main() {
  const database = await createScratchDatabase("cr_relay_ab", process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const upstream = await startBenchUpstream();
  const children: ChildProcess[] = [upstream.process];
  try {
    await migrateDatabase({ connectionString: database.url });
    const { token } = await seedRelayBot({ databaseUrl: database.url, upstreamUrl: upstream.url, slug: "ab", access: "toolset", catalog: true });
    const { STATEMENTS } = await import("@/lib/mcp/relay/caller-statements");
    const { hashToken } = await import("@/lib/tokens/token-format");
    const { invalidTokenKey } = await import("@/lib/tokens/verify-service-token");

    const values = [hashToken(token), invalidTokenKey("127.0.0.1"), "127.0.0.1", 0, null, "bench", "bench__greet"];
    const proxy = await child("node", ["scripts/bench-proxy.mjs", upstream.url], /proxy (\S+)/, {});
    const floor = await child("node", ["scripts/bench-proxy.mjs", upstream.url], /proxy (\S+)/, { BENCH_PROXY_DATABASE_URL: database.url, BENCH_PROXY_QUERY: JSON.stringify({ ...STATEMENTS.tool, values }) });
    children.push(proxy.process, floor.process);
    const sides: Side[] = [
      { name: "direct", url: upstream.url, tool: "greet" },
      { name: "bare proxy", url: proxy.url, tool: "greet" },
      { name: "proxy + query", url: floor.url, tool: "greet" },
    ];
    for (const [index, dir] of DIRS.entries()) {
      const flags = index === 1 ? FLAGS : [];
      const gateway = await child(process.execPath, [...flags, "--import", "tsx", "--conditions=react-server", "scripts/relay-only.ts", "-"], /^gateway (\S+)/m, { NODE_ENV: "production" }, dir);
      children.push(gateway.process);
      const name = `${index + 1}: ${path.relative(process.cwd(), dir) || "."}${flags.length ? ` ${flags.join(" ")}` : ""}`;
      sides.push({ name, url: `${gateway.url}org/ab`, tool: "bench__greet", authorization: `Bearer ${token}`, pid: gateway.process.pid });
    }
    for (const side of sides) await drive(side, 2); // warm-up
    const measured = new Map(sides.map((s) => [s.name, [] as Awaited<ReturnType<typeof drive>>[]]));
    for (let round = 0; round < ROUNDS; round++) {
      const gateways = sides.slice(3);
      const order = [...sides.slice(0, 3), ...(round % 2 ? gateways.reverse() : gateways)];
      const line: string[] = [];
      for (const side of order) {
        const result = await drive(side, SECONDS);
        measured.get(side.name)!.push(result);
        line.push(`${side.name} ${result.p50Ms.toFixed(3)} ms${result.cpuUsPerCall === null ? "" : ` (${result.cpuUsPerCall.toFixed(0)} µs CPU)`}`);
      }
      console.log(`round ${round + 1} c${CONNECTIONS}: ${line.join(" | ")}`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const direct = measured.get("direct")!;
    for (const side of sides.slice(1)) {
      const results = measured.get(side.name)!;
      const over = median(results.map((r, i) => r.p50Ms - direct[i].p50Ms));
      const cpu = results[0].cpuUsPerCall === null ? "" : `, gateway CPU ${median(results.map((r) => r.cpuUsPerCall!)).toFixed(0)} µs/call`;
      console.log(`${side.name.padEnd(24)} median p50 over direct +${over.toFixed(3)} ms, ${median(results.map((r) => r.callsPerSecond)).toFixed(0)} calls/s${cpu}`);
    }
    // Paired by round (the machine's drift lands on both): each later gateway against the first.
    const [first, ...others] = sides.slice(3).map((side) => ({ side, results: measured.get(side.name)! }));
    for (const { side, results } of others) {
      const latency = results.map((r, i) => r.p50Ms - first.results[i].p50Ms);
      const cpu = results.map((r, i) => r.cpuUsPerCall! - first.results[i].cpuUsPerCall!);
      const sign = (v: number, digits: number) => `${v >= 0 ? "+" : ""}${v.toFixed(digits)}`;
      console.log(
        `${side.name} against ${first.side.name}, per round: p50 ${sign(median(latency), 3)} ms (lower in ${latency.filter((v) => v < 0).length} of ${ROUNDS}), ` +
          `CPU ${sign(median(cpu), 0)} µs/call (lower in ${cpu.filter((v) => v < 0).length} of ${ROUNDS})`,
      );
    }
  } finally {
    for (const proc of children) proc.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
