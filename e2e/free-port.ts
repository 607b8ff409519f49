import { execFileSync } from "node:child_process";
import { createServer } from "node:net";

// Test servers listen on ports chosen when the run starts, never on fixed
// ones: a port some other program holds (a dev server on 3210 …) would make
// a test server fail to bind and the run fail for a reason that is not a bug.

/** How many consecutive ports the end-to-end run uses: the app, a second instance (port + 1), the metrics listener (port + 2). */
export const E2E_PORTS = 3;

/** Whether nothing listens on the port right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port the operating system says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen({ port: 0, host: "0.0.0.0", exclusive: true }, () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/** The first of `count` consecutive free ports. */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await freePort();
    let free = port + count - 1 <= 65535;
    for (let next = port + 1; free && next < port + count; next++) free = await isPortFree(next);
    if (free) return port;
  }
  throw new Error(`Could not find ${count} free consecutive ports for the end-to-end servers`);
}

// The same search as freePortRun, as a script for a child process: Playwright evaluates its config synchronously.
const RUN_SCRIPT = `
const net = require("node:net");
const count = Number(process.argv[1]);
const listen = (port) => new Promise((resolve) => {
  const s = net.createServer().once("error", () => resolve(null)).listen({ port, host: "0.0.0.0", exclusive: true }, () => {
    const p = s.address().port; s.close(() => resolve(p));
  });
});
(async () => {
  for (let i = 0; i < 50; i++) {
    const port = await listen(0);
    let free = port !== null && port + count - 1 <= 65535;
    for (let next = port + 1; free && next < port + count; next++) free = (await listen(next)) !== null;
    if (free) return process.stdout.write(String(port));
  }
  process.exit(1);
})();`;

/** freePortRun for synchronous code. */
export function freePortRunSync(count: number): number {
  return Number(execFileSync(process.execPath, ["-e", RUN_SCRIPT, String(count)], { encoding: "utf8" }).trim());
}
