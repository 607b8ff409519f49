import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import pg from "pg";
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

/** A bot's tools/call to an instance's MCP endpoint, as a 2026-07-28 client sends it (raw JSON-RPC). */
export function postToolCall(endpoint: string, token: string, tool: string, args: Record<string, unknown>): Promise<Response> {
  return fetch(endpoint, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": tool,
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: tool, arguments: args, _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} } },
    }),
  });
}

/** How many of these request ids have a usage row in the instance's database. */
export async function countRecordedCalls(databaseUrl: string, requestIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ToolCall" WHERE "requestId" = ANY($1)`, [requestIds]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

type McpAnswerMessage = { result?: { isError?: boolean; content?: { text?: string }[] }; error?: { code: number; message: string } };

/** An MCP answer as a bot reads it: the JSON body, or the last message of an SSE stream. */
export async function readMcpAnswer(response: Response): Promise<{ status: number; requestId: string | null; message: McpAnswerMessage }> {
  const body = await response.text();
  const json = body.startsWith("{") ? body : (body.split("\n").filter((line) => line.startsWith("data: {")).pop()?.slice(6) ?? "{}");
  return { status: response.status, requestId: response.headers.get("x-request-id"), message: JSON.parse(json) };
}

/** A fresh database on a PostgreSQL server of a spec's own; its URL. */
export async function createDatabaseOn(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}
