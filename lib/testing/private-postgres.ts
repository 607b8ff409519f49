import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A PostgreSQL server of the tests' own, on a free port with its files in a
// temporary folder, that a fault-injection test may stop, start and restart
// without disturbing the machine's shared server. It uses the PostgreSQL
// binaries installed on the machine (Debian's /usr/lib/postgresql/<v>/bin, or
// pg_ctl on PATH); PostgreSQL refuses to run as root, so as root it runs as
// the `postgres` user.

const run = promisify(execFile);

export type PrivatePostgres = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; restart: () => Promise<void>; close: () => Promise<void> };

function binaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
    if (version && existsSync(path.join(root, version, "bin", "pg_ctl"))) return path.join(root, version, "bin");
  }
  return null;
}

/** Why a private server cannot run here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  return binaries() || process.env.PATH?.split(":").some((dir) => existsSync(path.join(dir, "pg_ctl"))) ? null : "no PostgreSQL server binaries (pg_ctl, initdb) on this machine";
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binaries();
  const tool = (name: string) => (bin ? path.join(bin, name) : name);
  const asRoot = process.getuid?.() === 0;
  const exec = (name: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", tool(name), ...args]) : run(tool(name), args));
  const dir = mkdtempSync(path.join(tmpdir(), "cr-private-pg-"));
  if (asRoot) chownSync(dir, Number((await run("id", ["-u", "postgres"])).stdout.trim()), Number((await run("id", ["-g", "postgres"])).stdout.trim()));
  const data = path.join(dir, "data");
  await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  const start = async () => void (await exec("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]));
  const stop = async () => void (await exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]));
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    restart: async () => void (await exec("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-m", "fast", "-w", "restart"])),
    close: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
