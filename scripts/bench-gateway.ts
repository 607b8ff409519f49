// The gateway part of `npm run bench`: tools/call through Control Room's
// /org/:slug against the same upstream directly and through the simplest
// proxy that could work (the floor), and through that proxy running the
// relay's own tools/call statement first (the floor of a gateway that makes
// one round trip to PostgreSQL per call), interleaved in rounds (A B C D A …) so
// a change in machine load lands on every side alike, with wrk sending raw
// JSON-RPC (not an SDK client, which is slower than what it measures). Every
// answer is checked; a run with a single failed call is void.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODERN_META = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "wrk", version: "4" },
};

/** `pid`: the process (with its children) whose CPU time per call is measured: the hop, not the upstream. */
type Target = { name: string; url: string; tool: string; headers: Record<string, string>; pid?: number };
export type WrkResult = { requests: number; seconds: number; p50: number; p99: number; errors: number; socketErrors: number; failed: number; sample: string };
type Measured = WrkResult & { callsPerSecond: number; cpuMsPerCall: number | null };

/**
 * CPU time (user + system) of a process and its descendants, in ms, from
 * /proc (Linux; null elsewhere). CPU per call moves much less than
 * throughput when something else loads the machine, so it is reported beside it.
 */
function treeCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const table = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((entry) => {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return [{ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
        } catch {
          return [];
        }
      });
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of table) if (!tree.has(row.pid) && tree.has(row.ppid)) grew = tree.add(row.pid) !== null;
    }
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every common architecture.
    return table.filter((row) => tree.has(row.pid)).reduce((sum, row) => sum + row.ticks, 0) * 10;
  } catch {
    return null;
  }
}

/** Starts a helper process (in `cwd`) and resolves with the URL it prints once ready. */
export function child(command: string, args: string[], ready: RegExp, env: Record<string, string> = {}, cwd = process.cwd()): Promise<{ url: string; process: ChildProcess }> {
  const proc = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: "warn", ...env } });
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (chunk: Buffer) => {
      const match = ready.exec(chunk.toString());
      if (match) resolve({ url: match[1], process: proc });
    });
    proc.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}

async function wrk(target: Target, body: string, connections: number, seconds: number, delayMs?: number): Promise<Measured> {
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2026-07-28", ...target.headers };
  const cpuBefore = treeCpuMs(target.pid);
  const { stdout } = await run("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", path.join("scripts", "bench-check.lua"), target.url], {
    env: { ...process.env, BENCH_BODY: body, BENCH_HEADERS: Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("|"), ...(delayMs ? { BENCH_DELAY_MS: String(delayMs) } : {}) },
    maxBuffer: 1 << 20,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const result = JSON.parse(line.slice(6)) as WrkResult;
  if (result.failed || result.errors || result.socketErrors) {
    throw new Error(`${target.name} at c${connections}: ${result.failed} failed answers, ${result.errors} HTTP/read errors, ${result.socketErrors} connect errors — the run is void. First: ${result.sample}`);
  }
  const cpuAfter = treeCpuMs(target.pid);
  const cpuMsPerCall = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests;
  return { ...result, callsPerSecond: result.requests / result.seconds, cpuMsPerCall };
}

const callBody = (tool: string) => JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool, arguments: { name: "bench" }, _meta: MODERN_META } });

export async function startBenchUpstream() {
  return child("node_modules/.bin/tsx", ["scripts/bench-upstream.ts"], /upstream (\S+)/);
}

/**
 * Runs the interleaved rounds and tools/list, printing each measurement as
 * it comes and a summary with the ratios to direct at the end.
 */
export async function benchRelay({
  upstreamUrl,
  gatewayUrl,
  gatewayPid,
  token,
  plainToken,
  floor,
}: {
  upstreamUrl: string;
  gatewayUrl: string;
  gatewayPid?: number;
  token: string;
  plainToken: string;
  /** The relay's own statement for the measured token, run by the second proxy before it forwards. */
  floor: { databaseUrl: string; query: { name: string; text: string; values: unknown[] } };
}) {
  const proxy = await child("node", ["scripts/bench-proxy.mjs", upstreamUrl], /proxy (\S+)/);
  const proxyWithStatement = await child("node", ["scripts/bench-proxy.mjs", upstreamUrl], /proxy (\S+)/, {
    BENCH_PROXY_DATABASE_URL: floor.databaseUrl,
    BENCH_PROXY_QUERY: JSON.stringify(floor.query),
  });
  try {
    const targets: Target[] = [
      { name: "direct to the upstream", url: upstreamUrl, tool: "greet", headers: { "mcp-method": "tools/call", "mcp-name": "greet" } },
      { name: "bare node:http proxy", url: proxy.url, tool: "greet", headers: { "mcp-method": "tools/call", "mcp-name": "greet" }, pid: proxy.process.pid },
      { name: "proxy + the relay's query", url: proxyWithStatement.url, tool: "greet", headers: { "mcp-method": "tools/call", "mcp-name": "greet" }, pid: proxyWithStatement.process.pid },
      { name: "Control Room /org/:slug", url: gatewayUrl, tool: "bench__greet", headers: { "mcp-method": "tools/call", "mcp-name": "bench__greet", authorization: `Bearer ${token}` }, pid: gatewayPid },
    ];
    // The same calls with a token that has no allowlist and no rate limit: what those two cost.
    const plain: Target = { ...targets[3], name: "Control Room, plain token", headers: { ...targets[3].headers, authorization: `Bearer ${plainToken}` } };
    for (const target of [...targets, plain]) await wrk(target, callBody(target.tool), 32, 2); // warm-up (JIT, pools, prepared statements)
    const results: Record<string, Record<number, Measured[]>> = Object.fromEntries([...targets, plain].map((t) => [t.name, { 1: [], 32: [] }]));
    const paced: (Measured & { pauseMs: number })[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const connections of [32, 1]) {
        for (const target of targets) {
          const measured = await wrk(target, callBody(target.tool), connections, SECONDS);
          results[target.name][connections].push(measured);
          const cpu = measured.cpuMsPerCall === null ? "" : `  CPU ${measured.cpuMsPerCall.toFixed(3)} ms/call`;
          console.log(`  round ${round} c${String(connections).padEnd(2)} ${target.name.padEnd(26)} ${measured.callsPerSecond.toFixed(0).padStart(6)} calls/s  p50 ${(measured.p50 / 1000).toFixed(3)} ms  p99 ${(measured.p99 / 1000).toFixed(3)} ms${cpu}`);
        }
      }
      results[plain.name][1].push(await wrk(plain, callBody(plain.tool), 1, SECONDS));
      // Direct again, pausing between calls as long as Control Room's hop lengthens each cycle: on a
      // virtual machine a process that idles longer wakes more slowly, so part of a slower hop's
      // c1 gap is the upstream's (and PostgreSQL's) own slower answer, whatever the hop does.
      const [direct, , , gateway] = targets;
      const pause = Math.max(1, Math.round((results[gateway.name][1][round - 1].p50 - results[direct.name][1][round - 1].p50) / 1000));
      paced.push({ pauseMs: pause, ...(await wrk(direct, callBody(direct.tool), 1, SECONDS, pause)) });
    }
    const listBody = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: MODERN_META } });
    const gateway = targets[3];
    await wrk({ ...gateway, headers: { authorization: gateway.headers.authorization, "mcp-method": "tools/list" } }, listBody, 1, 2);
    const list = await wrk({ ...gateway, headers: { authorization: gateway.headers.authorization, "mcp-method": "tools/list" } }, listBody, 1, SECONDS);
    return { targets: targets.map((t) => t.name), plain: plain.name, results, paced, list };
  } finally {
    proxy.process.kill("SIGTERM");
    proxyWithStatement.process.kill("SIGTERM");
  }
}

/** The summary: per round, each side's share of direct throughput at c32 and its p50 over direct at c1. */
export function printRelaySummary({ targets, plain, results, paced, list }: Awaited<ReturnType<typeof benchRelay>>) {
  const [direct, proxy, floor, gateway] = targets;
  const range = (values: number[], digits: number, unit = "") => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)}${unit}`;
  };
  const share = (side: string) => results[side][32].map((m, i) => (m.callsPerSecond / results[direct][32][i].callsPerSecond) * 100);
  const added = (side: string) => results[side][1].map((m, i) => (m.p50 - results[direct][1][i].p50) / 1000);
  console.log(`\ntools/call, ${ROUNDS} interleaved rounds of ${SECONDS} s, wrk with raw JSON-RPC (2026-07-28), every answer checked:`);
  console.log(`| target | calls/s at c32 | share of direct | p50 at c1 | p50 over direct | p99 at c1 |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const side of [direct, proxy, floor, gateway]) {
    console.log(
      `| ${side} | ${range(results[side][32].map((m) => m.callsPerSecond), 0)} | ${side === direct ? "100 %" : range(share(side), 1, " %")} | ` +
        `${range(results[side][1].map((m) => m.p50 / 1000), 3, " ms")} | ${side === direct ? "—" : range(added(side), 3, " ms")} | ${range(results[side][1].map((m) => m.p99 / 1000), 3, " ms")} |`,
    );
  }
  const cpu = (side: string) => results[side][32].map((m) => m.cpuMsPerCall).filter((v): v is number => v !== null);
  if (cpu(proxy).length && cpu(gateway).length) {
    console.log(`CPU per call at c32 (the hop's process alone): bare proxy ${range(cpu(proxy), 3, " ms")}, proxy + query ${range(cpu(floor), 3, " ms")}, Control Room ${range(cpu(gateway), 3, " ms")}`);
  }
  // What the gateway adds on top of its one round trip: the part of the c1 gap that is its own code.
  const overFloor = results[gateway][1].map((m, i) => (m.p50 - results[floor][1][i].p50) / 1000);
  console.log(`the relay's own work at c1 (p50 over the proxy that runs the same query): ${range(overFloor, 3, " ms")}`);
  const pacedAdded = paced.map((m, i) => (m.p50 - results[direct][1][i].p50) / 1000);
  console.log(
    `direct at c1, pausing ${range(paced.map((m) => m.pauseMs), 0, " ms")} between calls (as long as Control Room idles the upstream): ` +
      `p50 ${range(pacedAdded, 3, " ms")} over direct back to back — the upstream's own slower wake-up, inside Control Room's c1 gap`,
  );
  const worstShare = Math.min(...share(gateway));
  const worstAdded = Math.max(...added(gateway));
  const guardCost = results[gateway][1].map((m, i) => (m.p50 - results[plain][1][i].p50) / 1000);
  console.log(`allowlist (100 entries, the last matches) + rate limit, one at a time: ${range(guardCost, 3, " ms")} over a plain token at p50`);
  console.log(`tools/list, 101 visible of 1,001 tools from 51 upstreams, one at a time: p50 ${(list.p50 / 1000).toFixed(3)} ms, p99 ${(list.p99 / 1000).toFixed(3)} ms`);
  console.log(
    `targets (every round): >= 60 % of direct at c32: ${worstShare >= 60 ? "met" : "MISSED"} (worst ${worstShare.toFixed(1)} %); ` +
      `<= +1.0 ms p50 at c1: ${worstAdded <= 1 ? "met" : "MISSED"} (worst +${worstAdded.toFixed(3)} ms); tools/list p50 <= 4 ms: ${list.p50 / 1000 <= 4 ? "met" : "MISSED"}`,
  );
}
